import { z } from 'zod';
import { OFFICIAL_AREAS, LEVELS } from '../domain/areas';
import { hasControlChars } from './fields';
import { PROFILES } from '../domain/profiles';
import { findJsonSyntaxError, lineAndColumn } from '../domain/json-syntax';

/**
 * How a question of an older catalogue edition lives on in a newer one. "same": unchanged;
 * "reworded": the same subject in new words (still comparable); "split": one old question became
 * several new ones (each new one shows the old answer as a reference, none is compared);
 * "dropped": no successor. New questions are simply no target of any entry.
 */
export const MAP_KINDS = ['same', 'reworded', 'split', 'dropped'] as const;
export type MapKind = (typeof MAP_KINDS)[number];

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
	suggestion: text.optional(),
	/** The applicability profiles this question does not fit; there it starts as "trifft nicht zu". */
	notApplicableFor: z.array(z.enum(PROFILES)).max(PROFILES.length).optional()
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

const version = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, { error: 'invalidVersion' });

/**
 * The edition this version follows and how its questions map: old id → new ids with a kind (see
 * src/lib/domain/question-map.ts). Old ids the map leaves out keep their meaning where the id still
 * exists; new questions are simply no target.
 */
const previous = z.strictObject({
	catalogueId: id,
	version,
	questionMap: z
		.array(z.strictObject({ from: id, kind: z.enum(MAP_KINDS), to: z.array(id).max(20).optional() }))
		.max(2000)
});

/** The catalogue file's structure: questions, answer scale, levels and recommendations, versioned. */
export const catalogueSchema = z.strictObject({
	id,
	version,
	previous: previous.optional(),
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
			problem(['levels', i, 'minScore'], 'levelThresholds', { value: l.minScore, previous, previousLevel: i });
		}
	});
	const lowest = levels.length === 4 ? levels[3]?.minScore : undefined;
	if (typeof lowest === 'number' && lowest !== 0) problem(['levels', 3, 'minScore'], 'lowestLevelZero', { value: lowest });

	// An area is known by its number, so a deleted area is one problem ("Handlungsfeld 4 fehlt")
	// and the areas after it are not compared with the wrong official names.
	const areas = asArray(root.areas);
	if (Array.isArray(root.areas)) {
		const numbers = new Set(areas.map((value, i) => areaNumber(value, i)));
		OFFICIAL_AREAS.forEach((name, i) => {
			if (!numbers.has(i + 1)) problem(['areas'], 'areaMissing', { number: i + 1, name });
		});
	}
	let previousNumber = 0;
	const questionIds = new Map<unknown, string>();
	const hasNotApplicable = scale.some((step) => step?.kind === 'notApplicable');
	const profiled: string[] = [];
	areas.forEach((value, i) => {
		const a = asObject(value);
		if (!a) return;
		const number = areaNumber(value, i);
		if (number <= previousNumber) problem(['areas', i, 'number'], 'areaOrder', { number, previous: previousNumber });
		previousNumber = Math.max(previousNumber, number);
		const official = OFFICIAL_AREAS[number - 1];
		const name = asObject(a.name)?.de;
		if (official && typeof name === 'string' && name.trim() !== '' && name !== official) {
			problem(['areas', i, 'name', 'de'], 'areaName', { expected: official, value: name });
		}
		const topicIds = asArray(a.topics).map((t) => asObject(t)?.id);
		topicIds.forEach((topic, k) => {
			if (topic !== undefined && topicIds.indexOf(topic) < k) problem(['areas', i, 'topics', k, 'id'], 'duplicateTopic', { id: String(topic) });
		});
		asArray(a.questions).forEach((questionValue, j) => {
			const q = asObject(questionValue);
			if (!q) return;
			const where = `${number}.${String(j + 1).padStart(2, '0')}`;
			if (q.id !== undefined) {
				const first = questionIds.get(q.id);
				if (first) problem(['areas', i, 'questions', j, 'id'], 'duplicateQuestionId', { id: String(q.id), first });
				else questionIds.set(q.id, where);
			}
			if (q.topic !== undefined && !topicIds.includes(q.topic)) {
				problem(['areas', i, 'questions', j, 'topic'], 'unknownTopic', {
					topic: String(q.topic),
					topics: topicIds.filter((t) => typeof t === 'string').join(', ')
				});
			}
			if (q.topic === undefined && topicIds.length > 0) problem(['areas', i, 'questions', j, 'topic'], 'topicRequired');
			if (asArray(q.notApplicableFor).length > 0) profiled.push(where);
		});
	});
	// Once, not per question: the fix is one answer in the scale.
	if (profiled.length > 0 && scale.length > 0 && !hasNotApplicable) {
		problem(['scale'], 'profilesWithoutNotApplicable', { count: profiled.length, first: profiled[0]! });
	}
	problems.push(...mapProblems(root.previous, root.id, root.version, new Set([...questionIds.keys()].map(String))));
	return problems;
}

/** The area number an entry claims (1–7), or its position when it names none. */
function areaNumber(value: unknown, index: number): number {
	const n = asObject(value)?.number;
	return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= OFFICIAL_AREAS.length ? n : index + 1;
}

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueArea = Catalogue['areas'][number];
export type CatalogueQuestion = CatalogueArea['questions'][number];

/** One problem in a catalogue file, located by its path in the file (e.g. `areas[2].questions[4].text.de`). */
export interface CatalogueProblem {
	path: string;
	/** What is wrong; src/lib/domain/catalogue-problems.ts turns it into a sentence. */
	code: string;
	params: Record<string, string | number>;
}

export type CatalogueValidation =
	| { ok: true; catalogue: Catalogue; warnings: CatalogueProblem[] }
	/** `json`: the parsed file (absent for a JSON syntax error), to name the places of the problems. */
	| { ok: false; problems: CatalogueProblem[]; json?: unknown };

/** Validates a catalogue file's text: JSON syntax first, then the schema; every problem is listed. */
export function validateCatalogueText(source: string): CatalogueValidation {
	const text = source.replace(/^\uFEFF/, '');
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		const found = findJsonSyntaxError(text);
		const offset = Number(/at position (\d+)/.exec((error as Error).message)?.[1] ?? 0);
		const params = found ?? { ...lineAndColumn(text, offset), hint: 'unexpectedCharacter', found: text[offset] ?? '' };
		return { ok: false, problems: [{ path: '', code: 'invalidJson', params }] };
	}
	return validateCatalogue(json);
}

/** Validates a parsed catalogue file; lists structural and semantic problems together. */
export function validateCatalogue(json: unknown): CatalogueValidation {
	const result = catalogueSchema.safeParse(json);
	const semantic = semanticProblems(json);
	const areaMissing = semantic.some((p) => p.code === 'areaMissing');
	const structural = result.success
		? []
		: result.error.issues
				// "Handlungsfeld 4 fehlt" says it; "zu wenige Einträge" would say it again.
				.filter((issue) => !(areaMissing && issue.code === 'too_small' && formatPath(issue.path) === 'areas'))
				.map((issue) => toProblem(issue, valueAt(json, issue.path)));
	const problems = [...structural, ...semantic];
	if (result.success && problems.length === 0) return { ok: true, catalogue: result.data, warnings: translationWarnings(result.data) };
	return { ok: false, problems, json };
}

/** The value at a path in a parsed file; undefined where the path leads nowhere. */
export function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
	let value = json;
	for (const part of path) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<PropertyKey, unknown>)[part];
	}
	return value;
}

/** A short, readable rendering of a wrong value for a message: `"75"`, `12`, `{…}`, `[…]`. */
function preview(value: unknown): string {
	if (Array.isArray(value)) return '[…]';
	if (typeof value === 'object' && value !== null) return '{…}';
	const shown = JSON.stringify(value) ?? String(value);
	return shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
}

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
		.join('');
}

/**
 * One zod issue as a problem. `input` is the value at the issue's path (zod 4 does not report it):
 * a value of the wrong type is "wrongType" with the value shown, never "required".
 */
function toProblem(issue: z.core.$ZodIssue, input: unknown): CatalogueProblem {
	const path = formatPath(issue.path);
	const value = preview(input);
	switch (issue.code) {
		case 'invalid_type':
			return input === undefined
				? { path, code: 'required', params: {} }
				: { path, code: 'wrongType', params: { expected: issue.expected, value, received: kindOf(input) } };
		case 'too_small':
			if (issue.origin === 'string') return { path, code: 'empty', params: {} };
			if (issue.origin === 'array') {
				const count = Array.isArray(input) ? input.length : 0;
				return { path, code: issue.exact ? 'wrongCount' : 'tooFewItems', params: { minimum: Number(issue.minimum), count } };
			}
			return { path, code: 'tooSmall', params: { minimum: Number(issue.minimum), value } };
		case 'too_big':
			if (issue.origin === 'string') return { path, code: 'tooLong', params: { maximum: Number(issue.maximum) } };
			if (issue.origin === 'array') {
				const count = Array.isArray(input) ? input.length : 0;
				return { path, code: issue.exact ? 'wrongCount' : 'tooManyItems', params: { maximum: Number(issue.maximum), minimum: Number(issue.maximum), count } };
			}
			return { path, code: 'tooBig', params: { maximum: Number(issue.maximum), value } };
		case 'unrecognized_keys':
			return { path, code: 'unknownKeys', params: { keys: issue.keys.join(', ') } };
		case 'invalid_union':
			return { path, code: 'invalidValue', params: { value, allowed: unionValues(issue).join(', ') } };
		case 'invalid_value':
			return { path, code: 'invalidValue', params: { value, allowed: issue.values.map((v) => String(v)).join(', ') } };
		case 'invalid_format':
			return { path, code: issue.message === 'invalidVersion' ? 'invalidVersion' : 'invalidId', params: { value } };
		case 'custom':
			return { path, code: issue.message === 'controlChars' ? 'controlChars' : 'invalidValue', params: { value } };
		default:
			return { path, code: 'invalidValue', params: { value, allowed: '' } };
	}
}

/** The literals a union of literals allows (the level numbers 1–4). */
function unionValues(issue: z.core.$ZodIssueInvalidUnion): string[] {
	return issue.errors.flatMap((branch) =>
		branch.flatMap((inner) => (inner.code === 'invalid_value' ? inner.values.map((v) => String(v)) : []))
	);
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

/**
 * The rules of a catalogue file's `previous` that the file alone decides (read loosely, so they are
 * reported beside structural problems): an edition of the same catalogue (`id`), another version,
 * each old id once, each new id a question of this file (`newIds`) and the target of one entry, and
 * as many targets as the kind says. Whether the old ids exist is `previousProblems`' job.
 */
export function mapProblems(previous: unknown, id: unknown, version: unknown, newIds: ReadonlySet<string>): CatalogueProblem[] {
	const problems: CatalogueProblem[] = [];
	const link = asObject(previous);
	if (!link) return problems;
	const problem = (path: string, code: string, params: Record<string, string | number>) => problems.push({ path, code, params });
	if (typeof link.catalogueId === 'string' && typeof id === 'string' && link.catalogueId !== id) {
		problem('previous.catalogueId', 'previousOtherCatalogue', { value: link.catalogueId, id });
	}
	if (typeof link.version === 'string' && link.version === version) problem('previous.version', 'previousSameVersion', { version: link.version });
	const froms = new Set<unknown>();
	const targets = new Map<string, string>();
	asArray(link.questionMap).forEach((value, i) => {
		const entry = asObject(value);
		if (!entry) return;
		const at = `previous.questionMap[${i}]`;
		const from = String(entry.from);
		if (froms.has(entry.from)) problem(`${at}.from`, 'mapDuplicateFrom', { id: from });
		froms.add(entry.from);
		const to = asArray(entry.to);
		const fits = entry.kind === 'dropped' ? to.length === 0 : entry.kind === 'split' ? to.length >= 2 : to.length === 1;
		if (typeof entry.kind === 'string' && (MAP_KINDS as readonly string[]).includes(entry.kind) && !fits) {
			problem(`${at}.to`, 'mapTargetCount', { kind: entry.kind, count: to.length, from });
		}
		to.forEach((target, j) => {
			if (typeof target !== 'string') return;
			if (!newIds.has(target)) problem(`${at}.to[${j}]`, 'mapUnknownNew', { id: target, from });
			const first = targets.get(target);
			if (first !== undefined && first !== from) problem(`${at}.to[${j}]`, 'mapDuplicateTo', { id: target, first });
			else targets.set(target, from);
		});
	});
	return problems;
}
