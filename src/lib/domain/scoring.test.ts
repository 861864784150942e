import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '$lib/schemas/catalogue';
import { formatScore, levelInfo, recommendation, scoreArea, scoreAssessment } from './scoring';

const source = readFileSync('db/catalogues/weltoffene-kommune-2026.1.json', 'utf8');
const shipped = (): Catalogue => JSON.parse(source);

/** The shipped catalogue with area `number` cut down to its first `count` questions. */
function withQuestions(number: number, count: number): Catalogue {
	const catalogue = shipped();
	const area = catalogue.areas[number - 1]!;
	area.questions = area.questions.slice(0, count);
	return catalogue;
}

/** Agreed answers for an area's questions in order; `undefined` leaves a question without an agreed answer. */
function answers(catalogue: Catalogue, number: number, values: (string | undefined)[]): Map<string, string> {
	const questions = catalogue.areas[number - 1]!.questions;
	const agreed = new Map<string, string>();
	values.forEach((value, i) => {
		if (value !== undefined) agreed.set(questions[i]!.id, value);
	});
	return agreed;
}

/** Every question of the catalogue answered with `value`. */
function everywhere(catalogue: Catalogue, value: string): Map<string, string> {
	return new Map(catalogue.areas.flatMap((a) => a.questions.map((q) => [q.id, value] as const)));
}

const repeat = (value: string, times: number): string[] => Array<string>(times).fill(value);

describe('scoreArea on the 12 questions of area 1 (36 points at most)', () => {
	const catalogue = shipped();
	const score = (values: string[]) => scoreArea(catalogue, 1, answers(catalogue, 1, values));

	it('gives level 1 at exactly 75 %', () => {
		const result = score([...repeat('3', 9), ...repeat('0', 3)]);
		expect(result).toMatchObject({ points: 27, answered: 12, score: 75, level: 1, assessable: true });
	});

	it('gives level 2 just below 75 %', () => {
		const result = score([...repeat('3', 8), '2', ...repeat('0', 3)]);
		expect(result.points).toBe(26);
		expect(result.score).toBeCloseTo(72.22, 2);
		expect(result.level).toBe(2);
	});

	it('gives level 2 at exactly 50 %', () => {
		const result = score([...repeat('3', 6), ...repeat('0', 6)]);
		expect(result).toMatchObject({ points: 18, score: 50, level: 2 });
	});

	it('gives level 3 just below 50 %', () => {
		const result = score([...repeat('3', 5), '2', ...repeat('0', 6)]);
		expect(result.points).toBe(17);
		expect(result.score).toBeCloseTo(47.22, 2);
		expect(result.level).toBe(3);
	});

	it('gives level 3 at exactly 25 %', () => {
		const result = score([...repeat('3', 3), ...repeat('0', 9)]);
		expect(result).toMatchObject({ points: 9, score: 25, level: 3 });
	});

	it('gives level 4 just below 25 %', () => {
		const result = score([...repeat('3', 2), '2', ...repeat('0', 9)]);
		expect(result.points).toBe(8);
		expect(result.score).toBeCloseTo(22.22, 2);
		expect(result.level).toBe(4);
	});

	it('scores a hand-calculated mixed case from the counted answers only', () => {
		// 3+3+2+2+1+0 = 11 points of 6 × 3 = 18 → 61.1 %; two "weiß nicht", four without an agreed answer.
		const result = score(['3', '3', '2', '2', '1', '0', 'unknown', 'unknown']);
		expect(result).toMatchObject({ area: 1, total: 12, answered: 6, unknown: 2, points: 11, level: 2, assessable: true });
		expect(result.score).toBeCloseTo(61.111, 3);
		expect(formatScore(result.score!)).toBe(61.1);
	});

	it('ignores ids outside the area and values outside the scale', () => {
		const agreed = answers(catalogue, 1, repeat('3', 6));
		agreed.set(catalogue.areas[1]!.questions[0]!.id, '0');
		agreed.set('no-such-question', '0');
		agreed.set(catalogue.areas[0]!.questions[6]!.id, 'maybe');
		expect(scoreArea(catalogue, 1, agreed)).toMatchObject({ answered: 6, unknown: 0, points: 18, score: 100 });
	});

	it('refuses an area number the catalogue does not have', () => {
		expect(() => scoreArea(catalogue, 8, new Map())).toThrow(/no area 8/);
	});
});

describe('scoreArea: "weiß nicht", "trifft nicht zu", coverage and "knapp"', () => {
	it('6 × "umgesetzt" and 6 × "weiß nicht" score 100 % with a coverage of one half, shown, not hidden', () => {
		const catalogue = shipped();
		const result = scoreArea(catalogue, 1, answers(catalogue, 1, [...repeat('3', 6), ...repeat('unknown', 6)]));
		expect(result).toMatchObject({ answered: 6, unknown: 6, notApplicable: 0, coverage: 0.5, score: 100, level: 1 });
	});

	it('7 × "weiß nicht" of 12 leave the area "nicht bewertbar": an information gap does not inflate the score', () => {
		const catalogue = shipped();
		const result = scoreArea(catalogue, 1, answers(catalogue, 1, [...repeat('3', 5), ...repeat('unknown', 7)]));
		expect(result).toMatchObject({ answered: 5, unknown: 7, assessable: false, score: null, level: null });
		expect(result.coverage).toBeCloseTo(5 / 12, 5);
	});

	it('"trifft nicht zu" takes a question out of the total, so a Landkreis is assessed on its own tasks', () => {
		const catalogue = shipped();
		const result = scoreArea(catalogue, 1, answers(catalogue, 1, [...repeat('2', 5), ...repeat('na', 6), 'unknown']));
		// 5 of 6 applicable questions scored: assessable; the same with "weiß nicht" would not be.
		expect(result).toMatchObject({ total: 12, answered: 5, unknown: 1, notApplicable: 6, assessable: true, level: 2 });
		expect(result.coverage).toBeCloseTo(5 / 6, 5);
		expect(scoreArea(catalogue, 1, answers(catalogue, 1, [...repeat('2', 5), ...repeat('unknown', 7)])).assessable).toBe(false);
	});

	it('marks a score within 3 points of a level threshold as "knapp", either side', () => {
		const catalogue = shipped();
		const close = (values: string[]) => scoreArea(catalogue, 1, answers(catalogue, 1, values)).close;
		// 26 of 36 points = 72.2 %: 2.8 below 75 → knapp; 27 of 36 = 75 % exactly → knapp.
		expect(close([...repeat('3', 8), '2', ...repeat('0', 3)])).toBe(true);
		expect(close([...repeat('3', 9), ...repeat('0', 3)])).toBe(true);
		// 24 of 36 = 66.7 %: far from 75 and 50.
		expect(close([...repeat('3', 8), ...repeat('0', 4)])).toBe(false);
		// 0 % is the lowest level's floor, not a threshold.
		expect(close(repeat('0', 12))).toBe(false);
	});
});

describe('scoreArea: when an area can be assessed', () => {
	it('is not assessable when every answer is "weiß nicht"', () => {
		const catalogue = shipped();
		const result = scoreArea(catalogue, 2, answers(catalogue, 2, repeat('unknown', 12)));
		expect(result).toEqual({
			area: 2,
			total: 12,
			answered: 0,
			unknown: 12,
			notApplicable: 0,
			coverage: 0,
			points: 0,
			score: null,
			level: null,
			assessable: false,
			close: false
		});
	});

	it('is not assessable without any agreed answer', () => {
		const result = scoreArea(shipped(), 4, new Map());
		expect(result).toMatchObject({ total: 11, answered: 0, score: null, level: null, assessable: false });
	});

	it('is assessable with exactly half of the questions answered', () => {
		const catalogue = withQuestions(5, 4);
		const result = scoreArea(catalogue, 5, answers(catalogue, 5, ['2', '1', 'unknown']));
		expect(result).toMatchObject({ total: 4, answered: 2, unknown: 1, points: 3, score: 50, level: 2, assessable: true });
	});

	it('is not assessable with fewer than half of the questions answered', () => {
		const catalogue = withQuestions(5, 4);
		const result = scoreArea(catalogue, 5, answers(catalogue, 5, ['3', 'unknown', 'unknown']));
		expect(result).toMatchObject({ total: 4, answered: 1, unknown: 2, points: 3, score: null, level: null, assessable: false });
	});

	it('scores an area of one question from its single answer', () => {
		const catalogue = withQuestions(7, 1);
		const result = scoreArea(catalogue, 7, answers(catalogue, 7, ['1']));
		expect(result.total).toBe(1);
		expect(result.answered).toBe(1);
		expect(result.score).toBeCloseTo(33.333, 3);
		expect(result.level).toBe(3);
	});
});

describe('scoreArea takes its numbers from the catalogue', () => {
	it('uses the highest points of the scale as the maximum', () => {
		const catalogue = withQuestions(1, 2);
		catalogue.scale.unshift({ value: '4', points: 4, label: { de: 'vorbildlich', en: 'exemplary' } });
		const result = scoreArea(catalogue, 1, answers(catalogue, 1, ['4', '2']));
		expect(result).toMatchObject({ points: 6, score: 75, level: 1 });
	});

	it('uses the level thresholds of the catalogue', () => {
		const catalogue = withQuestions(1, 4);
		catalogue.levels[0]!.minScore = 80;
		const result = scoreArea(catalogue, 1, answers(catalogue, 1, ['3', '3', '3', '0']));
		expect(result.score).toBe(75);
		expect(result.level).toBe(2);
	});
});

describe('scoreAssessment', () => {
	it('gives every area level 1 and 100 % when everything is "umgesetzt und verankert"', () => {
		const catalogue = shipped();
		const results = scoreAssessment(catalogue, everywhere(catalogue, '3'));
		expect(results.map((r) => r.area)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(results.map((r) => [r.score, r.level])).toEqual(repeat('', 7).map(() => [100, 1]));
		expect(results.reduce((sum, r) => sum + r.answered, 0)).toBe(105);
	});

	it('gives every area level 4 and 0 % when nothing exists', () => {
		const catalogue = shipped();
		const results = scoreAssessment(catalogue, everywhere(catalogue, '0'));
		expect(results.map((r) => [r.score, r.level, r.assessable])).toEqual(repeat('', 7).map(() => [0, 4, true]));
	});

	it('scores each area on its own answers', () => {
		const catalogue = shipped();
		const results = scoreAssessment(catalogue, answers(catalogue, 3, repeat('2', 36)));
		expect(results[2]).toMatchObject({ area: 3, answered: 36, level: 2 });
		expect(results[2]!.score).toBeCloseTo(66.667, 3);
		expect(results.filter((r) => r.assessable).map((r) => r.area)).toEqual([3]);
	});
});

describe('formatScore', () => {
	it('rounds to one decimal', () => {
		expect(formatScore(200 / 3)).toBe(66.7);
		expect(formatScore(100 / 3)).toBe(33.3);
		expect(formatScore(100)).toBe(100);
	});

	it('rounds a half up, despite binary noise', () => {
		expect(formatScore(72.25)).toBe(72.3);
		expect(formatScore(1.45)).toBe(1.5);
		expect(formatScore(0.05)).toBe(0.1);
	});
});

describe('levelInfo and recommendation', () => {
	it('gives the name of a level from the catalogue', () => {
		const catalogue = shipped();
		expect(levelInfo(catalogue, 1).name.de).toBe('Weltoffen');
		expect(levelInfo(catalogue, 2).name).toMatchObject({ de: 'Gut unterwegs', en: 'Well on the way' });
		expect(levelInfo(catalogue, 4).minScore).toBe(0);
	});

	it('gives the recommendation for an area at a level', () => {
		const catalogue = shipped();
		expect(recommendation(catalogue, 3, 4)).toEqual(catalogue.areas[2]!.recommendations['4']);
		expect(recommendation(catalogue, 1, 1)).not.toEqual(recommendation(catalogue, 1, 2));
		expect(() => recommendation(catalogue, 0, 1)).toThrow(/no area 0/);
	});
});
