import { OFFICIAL_AREAS } from './areas';
import type { CatalogueProblem } from '../schemas/catalogue';
import type { JsonHint } from './json-syntax';

/**
 * Turns catalogue problems (a path in the file, a code, parameters) into sentences a coordinator
 * understands: the place as a person names it ("Handlungsfeld 3, Thema Gesundheit, Frage 3.05
 * (Kennung FZ-GES-05)") and what is wrong there ("englischer Text fehlt"). The words come from a
 * `CatalogueProblemTexts` per interface language (src/lib/i18n/staff/catalogue-problems.ts).
 */

export type Gender = 'm' | 'f' | 'n' | 'pl';
export interface Noun {
	noun: string;
	gender: Gender;
}

export const FIELD_KEYS = [
	'id',
	'version',
	'title',
	'scale',
	'levels',
	'areas',
	'value',
	'points',
	'label',
	'kind',
	'level',
	'name',
	'minScore',
	'description',
	'number',
	'topics',
	'questions',
	'recommendations',
	'topic',
	'text',
	'help',
	'notApplicableFor',
	'previous',
	'catalogueId',
	'questionMap',
	'from',
	'to'
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

/** The words and sentences of one interface language. */
export interface CatalogueProblemTexts {
	file: string;
	catalogue: string;
	lineColumn: (line: number, column: number) => string;
	scaleStep: (n: number, label: string | undefined) => string;
	level: (n: number) => string;
	area: (n: number) => string;
	topic: (name: string) => string;
	question: (number: string, id: string | undefined) => string;
	/** The place of `previous` (the older edition this version follows). */
	previous: string;
	/** Entry n of the question map, with the old question id it names. */
	mapEntry: (n: number, from: string | undefined) => string;
	fields: Record<FieldKey, Noun>;
	recommendation: (level: string) => Noun;
	/** "englischer Text", "English text"; `language` undefined: the field alone. */
	inLanguage: (field: Noun, language: string | undefined) => string;
	hints: Record<JsonHint, string>;
	/** The sentence for a problem code about `field` (already with its language). */
	message: (code: string, field: string, params: Record<string, string | number>) => string;
}

/** A problem as the editor, the upload page, the API and the command line show it. */
export interface DescribedProblem {
	/** The path in the file, e.g. `areas[2].questions[4].text.en` (for tools and developers). */
	path: string;
	/** The place as a person names it. */
	where: string;
	line?: number;
	column?: number;
	message: string;
}

type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const germanOf = (value: unknown): string | undefined => {
	const de = asObject(value)?.de;
	return typeof de === 'string' && de.trim() !== '' ? de : undefined;
};

/** `areas[2].questions[4].text.en` → ['areas', 2, 'questions', 4, 'text', 'en']. */
export function parsePath(path: string): (string | number)[] {
	const parts: (string | number)[] = [];
	for (const match of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
		parts.push(match[1] !== undefined ? Number(match[1]) : match[2]!);
	}
	return parts;
}

function areaNumberOf(area: unknown, index: number): number {
	const n = asObject(area)?.number;
	return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= OFFICIAL_AREAS.length ? n : index + 1;
}

const isFieldKey = (key: unknown): key is FieldKey => typeof key === 'string' && (FIELD_KEYS as readonly string[]).includes(key);

/** The place and the field of a path: the place names the object, the field what in it is wrong. */
function locate(parts: (string | number)[], json: unknown, texts: CatalogueProblemTexts): { where: string; field: string } {
	const root = asObject(json);
	const place: string[] = [];
	let rest = parts;

	const [head, index] = parts;
	if (head === 'scale' && typeof index === 'number') {
		const step = asObject(asArray(root?.scale)[index]);
		place.push(texts.scaleStep(index + 1, germanOf(step?.label)));
		rest = parts.slice(2);
	} else if (head === 'levels' && typeof index === 'number') {
		place.push(texts.level(index + 1));
		rest = parts.slice(2);
	} else if (head === 'areas' && typeof index === 'number') {
		const area = asObject(asArray(root?.areas)[index]);
		const number = areaNumberOf(area, index);
		place.push(texts.area(number));
		rest = parts.slice(2);
		const [kind, position] = rest;
		if (kind === 'topics' && typeof position === 'number') {
			const topic = asObject(asArray(area?.topics)[position]);
			place.push(texts.topic(germanOf(topic?.name) ?? String(position + 1)));
			rest = rest.slice(2);
		} else if (kind === 'questions' && typeof position === 'number') {
			const question = asObject(asArray(area?.questions)[position]);
			const topic = asArray(area?.topics).map(asObject).find((t) => t?.id !== undefined && t.id === question?.topic);
			const topicName = germanOf(topic?.name);
			if (topicName) place.push(texts.topic(topicName));
			const numbered = `${number}.${String(position + 1).padStart(2, '0')}`;
			const id = typeof question?.id === 'string' && question.id !== numbered ? question.id : undefined;
			place.push(texts.question(numbered, id));
			rest = rest.slice(2);
		} else if (kind === 'recommendations' && rest.length >= 2) {
			const language = typeof rest[2] === 'string' ? rest[2] : undefined;
			return { where: place.join(', '), field: texts.inLanguage(texts.recommendation(String(rest[1])), language) };
		}
	} else if (head === 'previous') {
		const link = asObject(root?.previous);
		const position = parts[2];
		if (parts[1] === 'questionMap' && typeof position === 'number') {
			const from = asObject(asArray(link?.questionMap)[position])?.from;
			place.push(texts.mapEntry(position + 1, typeof from === 'string' ? from : undefined));
			rest = parts.slice(3);
		} else {
			place.push(texts.previous);
			rest = parts.slice(1);
		}
	} else {
		place.push(texts.catalogue);
	}

	const [key, language] = rest;
	const lang = typeof language === 'string' && rest.length === 2 ? language : undefined;
	return { where: place.join(', '), field: isFieldKey(key) ? texts.inLanguage(texts.fields[key], lang) : '' };
}

/** Every problem with its place and sentence; `json` is the parsed file (absent after a syntax error). */
export function describeProblems(
	problems: readonly CatalogueProblem[],
	json: unknown,
	texts: CatalogueProblemTexts
): DescribedProblem[] {
	return problems.map((problem) => describeProblem(problem, json, texts));
}

export function describeProblem(problem: CatalogueProblem, json: unknown, texts: CatalogueProblemTexts): DescribedProblem {
	if (problem.code === 'invalidJson') {
		const line = Number(problem.params.line);
		const column = Number(problem.params.column);
		return {
			path: '',
			where: texts.lineColumn(line, column),
			line,
			column,
			message: texts.message('invalidJson', '', problem.params)
		};
	}
	const { where, field } = locate(parsePath(problem.path), json, texts);
	return { path: problem.path, where, message: texts.message(problem.code, field, problem.params) };
}

/** One line per problem, as the command line and plain-text lists show them. */
export function problemLine(problem: DescribedProblem): string {
	return `${problem.where}: ${problem.message}`;
}
