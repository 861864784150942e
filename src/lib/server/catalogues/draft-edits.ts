import type { Catalogue, CatalogueArea, CatalogueQuestion } from '$lib/schemas/catalogue';
import {
	draftAddQuestionSchema,
	draftAreaSchema,
	draftGeneralSchema,
	draftQuestionSchema,
	draftText,
	draftTopicsSchema
} from '$lib/schemas/catalogue-draft';
import {
	addQuestion,
	languagesOf,
	moveQuestion,
	nextQuestionId,
	optionalTexts,
	removeQuestion,
	replaceQuestion,
	setTexts,
	withProfiles,
	type Texts
} from '$lib/domain/catalogue-edit';
import { PROFILES } from '$lib/domain/profiles';

/*
 * The catalogue editor's forms applied to a draft's content. Each edit returns the new content (the
 * caller saves it) or why it was refused; nothing here touches the store.
 */

/** An edit's result: the new content and where the page should scroll to, or a refusal for the form. */
export type DraftEdit =
	| { ok: true; content: Catalogue; anchor: string }
	| { ok: false; status: 400 | 409; error: 'invalid' | 'tooLong' | 'stale' };

const invalid = { ok: false, status: 400, error: 'invalid' } as const;
const tooLong = { ok: false, status: 400, error: 'tooLong' } as const;

/** The per-language texts `${prefix}.${lang}` the form sent; null when one is too long. */
function textsFrom(form: FormData, prefix: string, languages: readonly string[]): Texts | null {
	const texts: Texts = {};
	for (const lang of languages) {
		const value = form.get(`${prefix}.${lang}`);
		if (value === null) continue;
		const parsed = draftText.safeParse(value);
		if (!parsed.success) return null;
		texts[lang] = parsed.data;
	}
	return texts;
}

/** The form's plain fields (per-language texts have a dot in their name and are read by `textsFrom`). */
function fieldsOf(form: FormData): Record<string, string> {
	const raw: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string' && !key.includes('.')) raw[key] = value;
	return raw;
}

const profilesOf = (form: FormData) => form.getAll('notApplicableFor').filter((p): p is string => typeof p === 'string').slice(0, PROFILES.length);

/** The general section: version, title and the levels' names, descriptions and thresholds. */
export function editGeneral(content: Catalogue, form: FormData): DraftEdit {
	const parsed = draftGeneralSchema.safeParse(fieldsOf(form));
	if (!parsed.success) return invalid;
	const languages = languagesOf(content);
	const title = textsFrom(form, 'title', languages);
	if (!title) return tooLong;
	const levels = [];
	for (const [i, level] of content.levels.entries()) {
		const name = textsFrom(form, `level${i}.name`, languages);
		const description = textsFrom(form, `level${i}.description`, languages);
		if (!name || !description) return tooLong;
		const minScore = form.get(`level${i}.minScore`);
		const score = typeof minScore === 'string' && minScore.trim() !== '' ? Number(minScore.replace(',', '.')) : level.minScore;
		levels.push({
			...level,
			name: setTexts(level.name, name),
			minScore: Number.isFinite(score) ? score : level.minScore,
			...(level.description || Object.values(description).some((d) => d.trim() !== '')
				? { description: setTexts(level.description ?? ({} as typeof level.name), description) }
				: {})
		});
	}
	return { ok: true, content: { ...content, version: parsed.data.version, title: setTexts(content.title, title), levels }, anchor: '' };
}

/** An area's name translations, description and recommendations per level. */
export function editArea(content: Catalogue, form: FormData): DraftEdit {
	const parsed = draftAreaSchema.safeParse(fieldsOf(form));
	if (!parsed.success) return invalid;
	const languages = languagesOf(content);
	const i = parsed.data.area;
	const area = content.areas[i];
	if (!area) return invalid;
	// The German name is the official one; only its translations are edited.
	const name = textsFrom(form, 'name', languages.filter((l) => l !== 'de'));
	const description = textsFrom(form, 'description', languages);
	const recommendations = { ...area.recommendations };
	for (const level of ['1', '2', '3', '4'] as const) {
		const texts = textsFrom(form, `rec${level}`, languages);
		if (!texts) return tooLong;
		recommendations[level] = setTexts(recommendations[level], texts);
	}
	if (!name || !description) return tooLong;
	const areas = content.areas.map((a, j) =>
		j === i ? { ...a, name: setTexts(a.name, name), description: setTexts(a.description, description), recommendations } : a
	);
	return { ok: true, content: { ...content, areas }, anchor: '' };
}

/** An area's topics: renamed, optionally one removed and one added. */
export function editTopics(content: Catalogue, form: FormData): DraftEdit {
	const parsed = draftTopicsSchema.safeParse(fieldsOf(form));
	if (!parsed.success) return invalid;
	const languages = languagesOf(content);
	const { area: i, remove, newId } = parsed.data;
	const area = content.areas[i];
	if (!area) return invalid;
	const topics: CatalogueArea['topics'] = [];
	for (const [k, topic] of area.topics.entries()) {
		if (k === remove) continue;
		const name = textsFrom(form, `topic${k}.name`, languages);
		if (!name) return tooLong;
		topics.push({ ...topic, name: setTexts(topic.name, name) });
	}
	if (newId) {
		const name = textsFrom(form, 'newTopic.name', languages);
		if (!name) return tooLong;
		topics.push({ id: newId, name: setTexts(Object.fromEntries(languages.map((l) => [l, ''])) as (typeof area.topics)[number]['name'], name) });
	}
	const areas = content.areas.map((a, j) => (j === i ? { ...a, topics } : a));
	return { ok: true, content: { ...content, areas }, anchor: '#topics' };
}

/** Saves, moves or removes one question; a form older than a reorder is refused as 'stale'. */
export function editQuestion(content: Catalogue, form: FormData): DraftEdit {
	const parsed = draftQuestionSchema.safeParse(fieldsOf(form));
	if (!parsed.success) return invalid;
	const { area: i, index, original, do: what } = parsed.data;
	const question = content.areas[i]?.questions[index];
	if (!question || question.id !== original) return { ok: false, status: 409, error: 'stale' };
	let edited = content;
	if (what !== 'remove') {
		// Moving a question keeps what was typed into it: the form carries its fields too.
		const languages = languagesOf(edited);
		const texts = textsFrom(form, 'text', languages);
		const help = textsFrom(form, 'help', languages);
		if (!texts || !help) return tooLong;
		if (form.has('text.de')) {
			const { topic: _topic, help: _help, ...rest } = question;
			const topic = parsed.data.topic || undefined;
			const helpTexts = optionalTexts(question.help, help);
			const changed: CatalogueQuestion = {
				...rest,
				id: parsed.data.id || question.id,
				...(topic ? { topic } : {}),
				text: setTexts(question.text, texts),
				...(helpTexts ? { help: helpTexts } : {})
			};
			edited = replaceQuestion(edited, i, index, withProfiles(keyOrder(changed), profilesOf(form)));
		}
	}
	const count = edited.areas[i]!.questions.length;
	let at = index;
	if (what === 'up' || what === 'down') {
		edited = moveQuestion(edited, i, index, what === 'up' ? -1 : 1);
		at = Math.max(0, Math.min(index + (what === 'up' ? -1 : 1), count - 1));
	} else if (what === 'remove') {
		edited = removeQuestion(edited, i, index);
		at = -1;
	}
	return { ok: true, content: edited, anchor: at < 0 ? '#questions' : `&open=${at}#q-${at}` };
}

/** Adds a question at the end of an area (with the next free id when none is given). */
export function addQuestionFrom(content: Catalogue, form: FormData): DraftEdit {
	const parsed = draftAddQuestionSchema.safeParse(fieldsOf(form));
	if (!parsed.success) return invalid;
	const { area: i, id, topic } = parsed.data;
	if (!content.areas[i]) return invalid;
	const languages = languagesOf(content);
	const texts = textsFrom(form, 'text', languages);
	const help = textsFrom(form, 'help', languages);
	if (!texts || !help) return tooLong;
	const empty = Object.fromEntries(languages.map((l) => [l, ''])) as CatalogueQuestion['text'];
	const helpTexts = optionalTexts(undefined, help);
	const question: CatalogueQuestion = {
		id: id || nextQuestionId(content, i),
		...(topic ? { topic } : {}),
		text: setTexts(empty, texts),
		...(helpTexts ? { help: helpTexts } : {})
	};
	const added = addQuestion(content, i, withProfiles(question, profilesOf(form)));
	const last = added.areas[i]!.questions.length - 1;
	return { ok: true, content: added, anchor: `&open=${last}#q-${last}` };
}

/** The question's fields in the schema's order, so a published file reads like the shipped one. */
function keyOrder(question: CatalogueQuestion): CatalogueQuestion {
	const { id, topic, text: questionText, help, ...rest } = question;
	return { id, ...(topic ? { topic } : {}), text: questionText, ...(help ? { help } : {}), ...rest };
}
