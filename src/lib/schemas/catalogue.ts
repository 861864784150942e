import { z } from 'zod';
import { OFFICIAL_AREAS, LEVELS } from '../domain/areas';

/** A text in every language the app speaks; both are required in a catalogue. */
const text = z.strictObject({
	de: z.string().trim().min(1),
	en: z.string().trim().min(1)
});

const id = z
	.string()
	.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: 'invalidId' });

const scaleStep = z.strictObject({
	value: id,
	/** null: the step is "weiß nicht / trifft nicht zu" and is not counted. */
	points: z.number().int().min(0).max(100).nullable(),
	label: text
});

const level = z.strictObject({
	level: z.union(LEVELS.map((n) => z.literal(n))),
	name: text,
	/** The lowest area score in percent that still reaches this level. */
	minScore: z.number().min(0).max(100),
	description: text.optional()
});

const question = z.strictObject({
	id,
	topic: id.optional(),
	text,
	help: text.optional()
});

const area = z.strictObject({
	number: z.number().int().min(1).max(7),
	id,
	name: text,
	description: text,
	topics: z.array(z.strictObject({ id, name: text })),
	questions: z.array(question).min(1),
	recommendations: z.strictObject({ '1': text, '2': text, '3': text, '4': text })
});

/** The catalogue file: questions, answer scale, levels and recommendations, versioned. */
export const catalogueSchema = z
	.strictObject({
		id,
		version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, { error: 'invalidVersion' }),
		title: text,
		scale: z.array(scaleStep).min(2),
		levels: z.array(level).length(4),
		areas: z.array(area).length(7)
	})
	.superRefine((catalogue, ctx) => {
		const problem = (path: PropertyKey[], key: string, params: Record<string, string | number> = {}) =>
			ctx.addIssue({ code: 'custom', path, message: key, params });

		const values = new Set<string>();
		catalogue.scale.forEach((step, i) => {
			if (values.has(step.value)) problem(['scale', i, 'value'], 'duplicateValue', { value: step.value });
			values.add(step.value);
		});
		const maxPoints = Math.max(...catalogue.scale.map((s) => s.points ?? 0));
		if (maxPoints <= 0) problem(['scale'], 'scaleWithoutPoints');

		catalogue.levels.forEach((l, i) => {
			if (l.level !== i + 1) problem(['levels', i, 'level'], 'levelOrder', { expected: i + 1 });
			const previous = catalogue.levels[i - 1];
			if (previous && l.minScore >= previous.minScore) {
				problem(['levels', i, 'minScore'], 'levelThresholds');
			}
		});
		const lowest = catalogue.levels.at(-1);
		if (lowest && lowest.minScore !== 0) problem(['levels', 3, 'minScore'], 'lowestLevelZero');

		const questionIds = new Set<string>();
		catalogue.areas.forEach((a, i) => {
			if (a.number !== i + 1) problem(['areas', i, 'number'], 'areaOrder', { expected: i + 1 });
			const official = OFFICIAL_AREAS[i];
			if (official && a.name.de !== official) {
				problem(['areas', i, 'name', 'de'], 'areaName', { expected: official });
			}
			const topicIds = new Set(a.topics.map((t) => t.id));
			if (topicIds.size !== a.topics.length) problem(['areas', i, 'topics'], 'duplicateTopic');
			a.questions.forEach((q, j) => {
				if (questionIds.has(q.id)) problem(['areas', i, 'questions', j, 'id'], 'duplicateQuestionId', { id: q.id });
				questionIds.add(q.id);
				if (q.topic !== undefined && !topicIds.has(q.topic)) {
					problem(['areas', i, 'questions', j, 'topic'], 'unknownTopic', { topic: q.topic });
				}
				if (q.topic === undefined && a.topics.length > 0) {
					problem(['areas', i, 'questions', j, 'topic'], 'topicRequired');
				}
			});
		});
	});

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueArea = Catalogue['areas'][number];
export type CatalogueQuestion = CatalogueArea['questions'][number];

/** One problem in a catalogue file, located by its path in the file (e.g. `areas[2].questions[4].text.de`). */
export interface CatalogueProblem {
	path: string;
	/** A key of the `catalogueProblem` messages. */
	code: string;
	params: Record<string, string | number>;
}

export type CatalogueValidation =
	| { ok: true; catalogue: Catalogue }
	| { ok: false; problems: CatalogueProblem[] };

/** Validates a catalogue file's text: JSON syntax first, then the schema; every problem is listed. */
export function validateCatalogueText(source: string): CatalogueValidation {
	let json: unknown;
	try {
		json = JSON.parse(source.replace(/^\uFEFF/, ''));
	} catch (error) {
		return {
			ok: false,
			problems: [{ path: '', code: 'invalidJson', params: { detail: (error as Error).message } }]
		};
	}
	return validateCatalogue(json);
}

export function validateCatalogue(json: unknown): CatalogueValidation {
	const result = catalogueSchema.safeParse(json);
	if (result.success) return { ok: true, catalogue: result.data };
	return { ok: false, problems: result.error.issues.map(toProblem) };
}

export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
		.join('');
}

function toProblem(issue: z.core.$ZodIssue): CatalogueProblem {
	const path = formatPath(issue.path);
	switch (issue.code) {
		case 'invalid_type':
			return issue.input === undefined
				? { path, code: 'required', params: {} }
				: { path, code: 'wrongType', params: { expected: issue.expected } };
		case 'too_small':
			return issue.origin === 'string'
				? { path, code: 'required', params: {} }
				: { path, code: issue.origin === 'array' ? 'tooFewItems' : 'tooSmall', params: { minimum: Number(issue.minimum) } };
		case 'too_big':
			return { path, code: issue.origin === 'array' ? 'tooManyItems' : 'tooBig', params: { maximum: Number(issue.maximum) } };
		case 'unrecognized_keys':
			return { path, code: 'unknownKeys', params: { keys: issue.keys.join(', ') } };
		case 'invalid_union':
		case 'invalid_value':
			return { path, code: 'invalidValue', params: {} };
		case 'invalid_format':
			return { path, code: issue.message === 'invalidVersion' ? 'invalidVersion' : 'invalidId', params: {} };
		case 'custom':
			return { path, code: issue.message, params: (issue.params ?? {}) as Record<string, string | number> };
		default:
			return { path, code: 'invalidValue', params: {} };
	}
}

/** The number of questions in a catalogue. */
export function countQuestions(catalogue: Catalogue): number {
	return catalogue.areas.reduce((sum, a) => sum + a.questions.length, 0);
}
