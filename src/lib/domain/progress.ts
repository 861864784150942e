import type { Catalogue } from '$lib/schemas/catalogue';

export interface AnswerFact {
	questionId: string;
	userId: number;
	value: string | null;
}

export interface AreaProgress {
	area: number;
	total: number;
	answered: number;
}

/**
 * Per area, how many questions have an answer (a scale value, "weiß nicht" included) — by anyone,
 * or only by `userId` when given. A comment without a value does not count as answered.
 */
export function areaProgress(catalogue: Catalogue, answers: readonly AnswerFact[], userId?: number): AreaProgress[] {
	const answered = new Set(
		answers.filter((a) => a.value !== null && (userId === undefined || a.userId === userId)).map((a) => a.questionId)
	);
	return catalogue.areas.map((area) => ({
		area: area.number,
		total: area.questions.length,
		answered: area.questions.filter((q) => answered.has(q.id)).length
	}));
}

/** Sums area progress into one figure. */
export function totalProgress(progress: readonly AreaProgress[]): { total: number; answered: number } {
	return progress.reduce((sum, p) => ({ total: sum.total + p.total, answered: sum.answered + p.answered }), { total: 0, answered: 0 });
}

/** Whole percent for a progress bar; 0 when there is nothing to answer. */
export function percent(part: number, whole: number): number {
	return whole === 0 ? 0 : Math.floor((part * 100) / whole);
}
