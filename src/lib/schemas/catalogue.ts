import { z } from 'zod';
import { OFFICIAL_AREAS, LEVELS } from '../domain/areas';
import { hasControlChars } from './fields';

/**
 * A text in the catalogue's languages. German (the source) and English (the staff pages' second
 * language) are required; the participant languages are optional: texts participants see should
 * have them (the validator warns per language), a missing one falls back to German.
 */
const TEXT_MAX = 10_000;
const localText = z
	.string()
	.trim()
	.min(1)
	.max(TEXT_MAX)
	.refine((value) => !hasControlChars(value, true), { error: 'controlChars' });
const text = z.strictObject({
	de: localText,
	en: localText,
	ar: localText.optional(),
	fa: localText.optional(),
	tr: localText.optional(),
	uk: localText.optional(),
	ru: localText.optional(),
	'de-x-ls': localText.optional()
});

/** Languages a catalogue may carry besides German; each translated one has a status. */
export const TRANSLATED_LANGUAGES = ['en', 'ar', 'fa', 'tr', 'uk', 'ru', 'de-x-ls'] as const;
/** The participant languages a catalogue may lack (German and English are required). */
export const OPTIONAL_LANGUAGES = ['ar', 'fa', 'tr', 'uk', 'ru', 'de-x-ls'] as const;
export const TRANSLATION_STATUSES = ['reviewed', 'draft'] as const;

const id = z
	.string()
	.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: 'invalidId' });

/**
 * What a step without points means. "unknown" (weiß nicht): an information gap — shown beside the
 * score and lowering its coverage, never scored. "notApplicable" (trifft nicht zu): not this
 * municipality's task (e.g. a Landkreis without a library) — the question leaves the area's total.
 */
export const STEP_KINDS = ['unknown', 'notApplicable'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const scaleStep = z.strictObject({
	value: id,
	/** null: the step is "weiß nicht" or "trifft nicht zu" (see `kind`) and is not scored. */
	points: z.number().int().min(0).max(100).nullable(),
	label: text,
	/** Only for steps without points; missing there means "unknown". */
	kind: z.enum(STEP_KINDS).optional()
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
	help: text.optional(),
	/** What to do first when this question is answered weakly ("Anregung"); shown in the advice. */
	suggestion: text.optional()
});

const area = z.strictObject({
	number: z.number().int().min(1).max(7),
	id,
	name: text,
	description: text,
	topics: z.array(z.strictObject({ id, name: text })).max(50),
	questions: z.array(question).min(1).max(500),
	recommendations: z.strictObject({ '1': text, '2': text, '3': text, '4': text })
});

/** The catalogue file's structure: questions, answer scale, levels and recommendations, versioned. */
export const catalogueSchema = z.strictObject({
	id,
	version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, { error: 'invalidVersion' }),
	title: text,
	/**
	 * Languages translated from German, each "reviewed" (checked by a native speaker) or "draft"
	 * (translated by us, to be reviewed); a language not listed was written with the German source.
	 */
	translations: z.partialRecord(z.enum(TRANSLATED_LANGUAGES), z.enum(TRANSLATION_STATUSES)).optional(),
	scale: z.array(scaleStep).min(2).max(20),
	levels: z.array(level).length(4),
	areas: z.array(area).length(7)
});

type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The rules between fields (order, official names, unique ids, topic references). They read the
 * file loosely, so they report alongside structural problems: a coordinator sees every problem at once.
 */
function semanticProblems(json: unknown): CatalogueProblem[] {
	const problems: CatalogueProblem[] = [];
	const problem = (path: PropertyKey[], code: string, params: Record<string, string | number> = {}) =>
		problems.push({ path: formatPath(path), code, params });
	const root = asObject(json);
	if (!root) return problems;

	const values = new Set<unknown>();
	const scale = asArray(root.scale).map(asObject);
	scale.forEach((step, i) => {
		if (step?.value === undefined) return;
		if (values.has(step.value)) problem(['scale', i, 'value'], 'duplicateValue', { value: String(step.value) });
		values.add(step.value);
	});
	const kinds = new Set<unknown>();
	scale.forEach((step, i) => {
		if (step?.kind === undefined) return;
		if (typeof step.points === 'number') problem(['scale', i, 'kind'], 'kindWithPoints');
		if (kinds.has(step.kind)) problem(['scale', i, 'kind'], 'duplicateKind', { kind: String(step.kind) });
		kinds.add(step.kind);
	});
	if (scale.length > 0 && !scale.some((step) => typeof step?.points === 'number' && step.points > 0)) {
		problem(['scale'], 'scaleWithoutPoints');
	}

	const levels = asArray(root.levels).map(asObject);
	levels.forEach((l, i) => {
		if (typeof l?.level === 'number' && l.level !== i + 1) problem(['levels', i, 'level'], 'levelOrder', { expected: i + 1 });
		const previous = levels[i - 1]?.minScore;
		if (typeof l?.minScore === 'number' && typeof previous === 'number' && l.minScore >= previous) {
			problem(['levels', i, 'minScore'], 'levelThresholds');
		}
	});
	const lowest = levels.length === 4 ? levels[3]?.minScore : undefined;
	if (typeof lowest === 'number' && lowest !== 0) problem(['levels', 3, 'minScore'], 'lowestLevelZero');

	const questionIds = new Set<unknown>();
	asArray(root.areas).forEach((value, i) => {
		const a = asObject(value);
		if (!a) return;
		if (typeof a.number === 'number' && a.number !== i + 1) problem(['areas', i, 'number'], 'areaOrder', { expected: i + 1 });
		const official = OFFICIAL_AREAS[i];
		const name = asObject(a.name)?.de;
		if (official && typeof name === 'string' && name.trim() !== '' && name !== official) {
			problem(['areas', i, 'name', 'de'], 'areaName', { expected: official });
		}
		const topicIds = asArray(a.topics).map((t) => asObject(t)?.id);
		if (new Set(topicIds).size !== topicIds.length) problem(['areas', i, 'topics'], 'duplicateTopic');
		asArray(a.questions).forEach((questionValue, j) => {
			const q = asObject(questionValue);
			if (!q) return;
			if (q.id !== undefined) {
				if (questionIds.has(q.id)) problem(['areas', i, 'questions', j, 'id'], 'duplicateQuestionId', { id: String(q.id) });
				questionIds.add(q.id);
			}
			if (q.topic !== undefined && !topicIds.includes(q.topic)) {
				problem(['areas', i, 'questions', j, 'topic'], 'unknownTopic', { topic: String(q.topic) });
			}
			if (q.topic === undefined && topicIds.length > 0) problem(['areas', i, 'questions', j, 'topic'], 'topicRequired');
		});
	});
	return problems;
}

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
	| { ok: true; catalogue: Catalogue; warnings: CatalogueProblem[] }
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

/** Validates a parsed catalogue file; lists structural and semantic problems together. */
export function validateCatalogue(json: unknown): CatalogueValidation {
	const result = catalogueSchema.safeParse(json);
	const problems = [...(result.success ? [] : result.error.issues.map(toProblem)), ...semanticProblems(json)];
	if (result.success && problems.length === 0) return { ok: true, catalogue: result.data, warnings: translationWarnings(result.data) };
	return { ok: false, problems };
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
		default:
			return { path, code: 'invalidValue', params: {} };
	}
}

/** The number of questions in a catalogue. */
export function countQuestions(catalogue: Catalogue): number {
	return catalogue.areas.reduce((sum, a) => sum + a.questions.length, 0);
}

/** A catalogue text in a language, German where that translation is missing. */
export function textIn(value: { de: string } & Partial<Record<string, string>>, lang: string): string {
	return value[lang] ?? value.de;
}

/**
 * Missing translations of what participants see (area names and descriptions, level names), one
 * warning per language with the count and the first place; a catalogue with gaps is still valid.
 */
export function translationWarnings(catalogue: Catalogue): CatalogueProblem[] {
	const visible: [PropertyKey[], Partial<Record<string, string>>][] = [
		...catalogue.levels.map((l, i): [PropertyKey[], Partial<Record<string, string>>] => [['levels', i, 'name'], l.name]),
		...catalogue.areas.flatMap((a, i): [PropertyKey[], Partial<Record<string, string>>][] => [
			[['areas', i, 'name'], a.name],
			[['areas', i, 'description'], a.description]
		])
	];
	return OPTIONAL_LANGUAGES.flatMap((language) => {
		const missing = visible.filter(([, value]) => value[language] === undefined);
		if (missing.length === 0) return [];
		return [{ path: formatPath([...missing[0]![0], language]), code: 'missingTranslation', params: { language, count: missing.length } }];
	});
}
