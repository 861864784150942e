import { z } from 'zod';

/*
 * The forms of the catalogue editor (a draft of a new catalogue version). Texts arrive as one field
 * per language (`title.de`, `text.en`, …) and are checked with `draftText`; the other fields here.
 */

const TEXT_MAX = 10_000;
const shortText = z.string().trim().max(100);
const areaIndex = z.coerce.number().int().min(0).max(6);
const questionIndex = z.coerce.number().int().min(0).max(499);

/** One text of one language, as typed into the editor. */
export const draftText = z.string().max(TEXT_MAX);

/** "Neue Version bearbeiten": the stored version a draft is copied from. */
export const draftStartSchema = z.object({ catalogueId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** The general section: the version (title and levels are per-language texts). */
export const draftGeneralSchema = z.object({ version: shortText });

/** An area's texts (name translations, description, recommendations are per-language texts). */
export const draftAreaSchema = z.object({ area: areaIndex });

/** An area's topics: rename all, optionally remove one and add one. */
export const draftTopicsSchema = z.object({ area: areaIndex, remove: z.coerce.number().int().min(0).max(49).optional(), newId: shortText.optional() });

/** Saves, moves or removes one question. */
export const draftQuestionSchema = z.object({
	area: areaIndex,
	index: questionIndex,
	/** The question's id when the form was shown: a form older than a reorder is refused. */
	original: shortText,
	do: z.enum(['save', 'up', 'down', 'remove']),
	id: shortText.optional(),
	topic: shortText.optional()
});

/** Adds a question at the end of an area. */
export const draftAddQuestionSchema = z.object({ area: areaIndex, id: shortText, topic: shortText.optional() });
