import type { Catalogue } from '$lib/schemas/catalogue';
import type { LocalizedText } from './scoring';

/** One answered question that the advice names, with the catalogue's own suggestion for it. */
export interface AdvisedQuestion {
	id: string;
	text: LocalizedText;
	/** The agreed answer's scale label, e.g. "nicht vorhanden". */
	answer: LocalizedText;
	points: number;
	/** Null when the catalogue has no suggestion for the question. */
	suggestion: LocalizedText | null;
}

/** A question agreed as "weiß nicht": the first step is to find out, not to build. */
export interface QuestionToClarify {
	id: string;
	text: LocalizedText;
}

export interface AreaAdvice {
	area: number;
	/** The weakest scored answers (lowest points first, then catalogue order); never a fully met one. */
	weakest: AdvisedQuestion[];
	/** Agreed "weiß nicht" answers, in catalogue order. */
	toClarify: QuestionToClarify[];
}

/** How many weakest questions an area's advice names. */
export const WEAKEST_COUNT = 3;

/**
 * What an area should work on first, from its agreed answers (question id → scale value): the
 * `limit` scored answers with the fewest points. An answer with the scale's full points
 * ("umgesetzt und verankert") is never advice, however few weak answers remain — so an area
 * that has its steering group is never told to set one up. Unscored answers other than
 * "weiß nicht" (e.g. "trifft nicht zu") and unknown values are left out.
 * @throws if the catalogue has no area with that number (a programming error, not user input).
 */
export function adviseArea(
	catalogue: Catalogue,
	areaNumber: number,
	agreed: ReadonlyMap<string, string>,
	limit = WEAKEST_COUNT
): AreaAdvice {
	const area = catalogue.areas.find((a) => a.number === areaNumber);
	if (!area) throw new Error(`Catalogue ${catalogue.id} has no area ${areaNumber}`);
	const stepByValue = new Map(catalogue.scale.map((step) => [step.value, step]));
	const maxPoints = Math.max(...catalogue.scale.map((step) => step.points ?? 0));

	const weak: AdvisedQuestion[] = [];
	const toClarify: QuestionToClarify[] = [];
	for (const question of area.questions) {
		const value = agreed.get(question.id);
		const step = value === undefined ? undefined : stepByValue.get(value);
		if (!step) continue;
		if (step.points === null) {
			if (step.kind !== 'notApplicable') toClarify.push({ id: question.id, text: question.text });
			continue;
		}
		if (step.points >= maxPoints) continue;
		weak.push({ id: question.id, text: question.text, answer: step.label, points: step.points, suggestion: question.suggestion ?? null });
	}
	// A stable sort keeps the catalogue order among equal points.
	const weakest = weak.sort((a, b) => a.points - b.points).slice(0, limit);
	return { area: area.number, weakest, toClarify };
}

/** The advice for every area, in the official order. */
export function adviseAssessment(catalogue: Catalogue, agreed: ReadonlyMap<string, string>, limit = WEAKEST_COUNT): AreaAdvice[] {
	return [...catalogue.areas].sort((a, b) => a.number - b.number).map((a) => adviseArea(catalogue, a.number, agreed, limit));
}
