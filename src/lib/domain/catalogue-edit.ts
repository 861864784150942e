import type { Catalogue, CatalogueArea, CatalogueQuestion } from '../schemas/catalogue';
import { isProfile, type Profile } from './profiles';

/**
 * The catalogue editor's changes to a draft, as pure functions on the draft's content. A draft
 * may be incomplete (an empty text, a question without a topic): the catalogue schema judges it
 * when it is published, with the same messages as an upload.
 */

/** Per-language texts as the editor handles them: any language code → text. */
export type Texts = Record<string, string>;

const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/** The languages of a catalogue, German first: the keys of its title that hold text. */
export function languagesOf(catalogue: Catalogue): string[] {
	const keys = Object.entries(catalogue.title as Record<string, unknown>)
		.filter(([key, value]) => LANGUAGE_CODE.test(key) && typeof value === 'string')
		.map(([key]) => key);
	return ['de', ...keys.filter((k) => k !== 'de')];
}

/** A proposal for the next version: "2026.1-musterstadt-1", numbered past the versions in use. */
export function suggestVersion(base: string, municipalityName: string, taken: readonly string[]): string {
	const slug = municipalityName
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	const stem = `${base.replace(/-[a-z0-9-]*$/, '')}-${slug}`.slice(0, 28).replace(/-+$/, '');
	for (let n = 1; ; n++) {
		const candidate = `${stem}-${n}`;
		if (!taken.includes(candidate)) return candidate;
	}
}

/** Writes per-language texts into a text object, keeping languages the form did not send. */
export function setTexts<T>(target: T, texts: Texts): T {
	const result = { ...(target as Record<string, unknown>) };
	for (const [lang, value] of Object.entries(texts)) result[lang] = value.trim();
	return result as T;
}

/** A help text from the form: left out entirely when every language is empty. */
export function optionalTexts(existing: unknown, texts: Texts): CatalogueQuestion['help'] {
	if (Object.values(texts).every((v) => v.trim() === '')) return undefined;
	return setTexts((existing ?? {}) as NonNullable<CatalogueQuestion['help']>, texts);
}

function withArea(catalogue: Catalogue, areaIndex: number, change: (area: CatalogueArea) => CatalogueArea): Catalogue {
	const areas = catalogue.areas.map((a, i) => (i === areaIndex ? change(a) : a));
	return { ...catalogue, areas };
}

/** Moves a question one place up (-1) or down (+1) inside its area; at an end nothing changes. */
export function moveQuestion(catalogue: Catalogue, areaIndex: number, index: number, delta: -1 | 1): Catalogue {
	return withArea(catalogue, areaIndex, (area) => {
		const target = index + delta;
		if (index < 0 || target < 0 || target >= area.questions.length) return area;
		const questions = [...area.questions];
		[questions[index], questions[target]] = [questions[target]!, questions[index]!];
		return { ...area, questions };
	});
}

export function removeQuestion(catalogue: Catalogue, areaIndex: number, index: number): Catalogue {
	return withArea(catalogue, areaIndex, (area) => ({ ...area, questions: area.questions.filter((_, i) => i !== index) }));
}

export function addQuestion(catalogue: Catalogue, areaIndex: number, question: CatalogueQuestion): Catalogue {
	return withArea(catalogue, areaIndex, (area) => ({ ...area, questions: [...area.questions, question] }));
}

export function replaceQuestion(catalogue: Catalogue, areaIndex: number, index: number, question: CatalogueQuestion): Catalogue {
	return withArea(catalogue, areaIndex, (area) => ({
		...area,
		questions: area.questions.map((q, i) => (i === index ? question : q))
	}));
}

/** The question with its profile markings set; none leaves the field out. */
export function withProfiles(question: CatalogueQuestion, profiles: readonly string[]): CatalogueQuestion {
	const chosen = [...new Set(profiles.filter(isProfile))] as Profile[];
	const { notApplicableFor: _dropped, ...rest } = question;
	return chosen.length > 0 ? { ...rest, notApplicableFor: chosen } : rest;
}

/** A free question id for a new question of the area: "3.37" after "3.36", skipping ids in use. */
export function nextQuestionId(catalogue: Catalogue, areaIndex: number): string {
	const area = catalogue.areas[areaIndex];
	const number = area?.number ?? areaIndex + 1;
	const used = new Set(catalogue.areas.flatMap((a) => a.questions.map((q) => q.id)));
	for (let n = (area?.questions.length ?? 0) + 1; ; n++) {
		const id = `${number}.${String(n).padStart(2, '0')}`;
		if (!used.has(id)) return id;
	}
}

/** The questions an assessment for `profile` starts with as "trifft nicht zu". */
export function notApplicableQuestions(catalogue: Catalogue, profile: string | null): string[] {
	if (!profile) return [];
	return catalogue.areas.flatMap((a) => a.questions.filter((q) => q.notApplicableFor?.includes(profile as Profile)).map((q) => q.id));
}
