import { z } from 'zod';
import { calendarDate, hasControlChars, multilineText, plainText } from './fields';

/*
 * The measure (Maßnahme) and the small-group inputs, shared by the JSON API and the forms. Error
 * messages are keys of the `errors` messages.
 */

export const MEASURE_STATUSES = ['planned', 'in_progress', 'done', 'deferred'] as const;
export const MEASURE_PRIORITIES = ['high', 'medium', 'low'] as const;
export const BUDGET_KINDS = ['amount', 'existing', 'open'] as const;

export const MEASURE_TITLE_MAX = 200;
export const MEASURE_TEXT_MAX = 4000;
export const MEASURE_SHORT_MAX = 300;
export const NOTE_MAX = 2000;
export const PROPOSAL_WHAT_MAX = 500;
export const PROPOSAL_FIELD_MAX = 300;
export const FLAG_REASON_MAX = 300;
export const SUMMARY_MAX = 4000;

const title = z
	.string({ error: 'required' })
	.trim()
	.min(1, { error: 'required' })
	.max(MEASURE_TITLE_MAX, { error: 'tooLong' })
	.refine((v) => !hasControlChars(v), { error: 'controlChars' });
const area = z.number({ error: 'invalidArea' }).int({ error: 'invalidArea' }).min(1, { error: 'invalidArea' }).max(7, { error: 'invalidArea' });
const questionId = z.string({ error: 'unknownQuestion' }).max(20, { error: 'unknownQuestion' }).regex(/^[\w.-]+$/, { error: 'unknownQuestion' });
const optionalDate = z.union([calendarDate, z.null()]);

/** A whole measure as created; the API's `PATCH` takes any subset (see `measurePatchSchema`). */
export const measureInputSchema = z
	.object({
		title,
		description: multilineText(MEASURE_TEXT_MAX).default(''),
		areas: z.array(area, { error: 'invalidArea' }).min(1, { error: 'chooseAreas' }).max(7, { error: 'tooMany' }),
		questions: z.array(questionId, { error: 'unknownQuestion' }).max(50, { error: 'tooMany' }).default([]),
		gapArea: z.union([area, z.null()]).default(null),
		owner: plainText(MEASURE_SHORT_MAX).default(''),
		partners: plainText(MEASURE_SHORT_MAX).default(''),
		budgetKind: z.enum(BUDGET_KINDS, { error: 'budget' }).default('open'),
		budgetAmount: z.union([z.number({ error: 'budget' }).int({ error: 'budget' }).min(0, { error: 'budget' }).max(1_000_000_000, { error: 'budget' }), z.null()]).default(null),
		startOn: optionalDate.default(null),
		dueOn: optionalDate.default(null),
		priority: z.enum(MEASURE_PRIORITIES, { error: 'priority' }).default('medium'),
		status: z.enum(MEASURE_STATUSES, { error: 'measureStatus' }).default('planned'),
		proposalIds: z.array(z.number({ error: 'invalid' }).int({ error: 'invalid' }).positive({ error: 'invalid' }), { error: 'invalid' }).max(50, { error: 'tooMany' }).default([])
	})
	.strict()
	.refine((m) => m.budgetKind !== 'amount' || m.budgetAmount !== null, { error: 'budget', path: ['budgetAmount'] })
	.refine((m) => !m.startOn || !m.dueOn || m.startOn <= m.dueOn, { error: 'dueBeforeStart', path: ['dueOn'] })
	.refine((m) => m.gapArea === null || m.areas.includes(m.gapArea), { error: 'gapArea', path: ['gapArea'] });

export type MeasureInput = z.infer<typeof measureInputSchema>;

/** A change: any subset of the fields, the version it started from (optional) and a status note. */
export const measurePatchSchema = z
	.object({
		title: title.optional(),
		description: multilineText(MEASURE_TEXT_MAX).optional(),
		areas: z.array(area, { error: 'invalidArea' }).min(1, { error: 'chooseAreas' }).max(7, { error: 'tooMany' }).optional(),
		questions: z.array(questionId, { error: 'unknownQuestion' }).max(50, { error: 'tooMany' }).optional(),
		gapArea: z.union([area, z.null()]).optional(),
		owner: plainText(MEASURE_SHORT_MAX).optional(),
		partners: plainText(MEASURE_SHORT_MAX).optional(),
		budgetKind: z.enum(BUDGET_KINDS, { error: 'budget' }).optional(),
		budgetAmount: z.union([z.number({ error: 'budget' }).int({ error: 'budget' }).min(0, { error: 'budget' }).max(1_000_000_000, { error: 'budget' }), z.null()]).optional(),
		startOn: optionalDate.optional(),
		dueOn: optionalDate.optional(),
		priority: z.enum(MEASURE_PRIORITIES, { error: 'priority' }).optional(),
		status: z.enum(MEASURE_STATUSES, { error: 'measureStatus' }).optional(),
		note: multilineText(NOTE_MAX).optional(),
		version: z.number({ error: 'invalid' }).int({ error: 'invalid' }).positive({ error: 'invalid' }).optional()
	})
	.strict();

export type MeasurePatch = z.infer<typeof measurePatchSchema>;

/** A form's fields as the measure schema's input: checkboxes to arrays, empty to null, text to numbers. */
export function measureFieldsFromForm(form: FormData): Record<string, unknown> {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const orNull = (name: string) => (text(name).trim() === '' ? null : text(name).trim());
	const numbers = (name: string) => form.getAll(name).slice(0, 100).map((v) => Number(v));
	const amount = text('budgetAmount').replace(/[.\s€]/g, '').replace(',', '.');
	return {
		title: text('title'),
		description: text('description'),
		areas: numbers('areas'),
		questions: text('questions')
			.split(/[\s,;]+/)
			.filter((q) => q !== '')
			.slice(0, 100),
		gapArea: orNull('gapArea') === null ? null : Number(text('gapArea')),
		owner: text('owner'),
		partners: text('partners'),
		budgetKind: text('budgetKind') || 'open',
		budgetAmount: amount === '' ? null : Number(amount),
		startOn: orNull('startOn'),
		dueOn: orNull('dueOn'),
		priority: text('priority') || 'medium',
		status: text('status') || 'planned',
		proposalIds: numbers('proposalIds')
	};
}

export const statusNoteSchema = z.object({
	status: z.enum(MEASURE_STATUSES, { error: 'measureStatus' }),
	note: z.string().trim().min(1, { error: 'required' }).max(NOTE_MAX, { error: 'tooLong' }).refine((v) => !hasControlChars(v, true), { error: 'controlChars' }),
	notedOn: calendarDate
});

const shortText = (max: number) =>
	z.string().trim().max(max, { error: 'tooLong' }).refine((v) => !hasControlChars(v, true), { error: 'controlChars' });

export const proposalSchema = z.object({
	what: shortText(PROPOSAL_WHAT_MAX).pipe(z.string().min(1, { error: 'required' })),
	who: shortText(PROPOSAL_FIELD_MAX).default(''),
	firstStep: shortText(PROPOSAL_FIELD_MAX).default('')
});

export const flagSchema = z.object({
	questionId,
	reason: shortText(FLAG_REASON_MAX).default(''),
	/** 'remove' takes the mark back. */
	remove: z.boolean().default(false)
});

export const summarySchema = z.object({ area, text: shortText(SUMMARY_MAX) });
