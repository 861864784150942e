import { describe, expect, it } from 'vitest';
import { editorSpread, FLAG_MIN_DEVICES, rankDisagreements, rankFlags, type ScaleStepPoints } from './plenary-items';

const scale: ScaleStepPoints[] = [
	{ value: '3', points: 3 },
	{ value: '2', points: 2 },
	{ value: '1', points: 1 },
	{ value: '0', points: 0 },
	{ value: 'unknown', points: null },
	{ value: 'na', points: null }
];

describe('editor disagreement', () => {
	it('measures the point spread and the number of distinct answers, leaving out comments only and unknown values', () => {
		expect.hasAssertions();
		expect(editorSpread('q', ['3', '0', '2', null, 'bogus'], scale)).toEqual({ questionId: 'q', answered: 3, distinct: 3, pointSpread: 3, minPoints: 0, maxPoints: 3 });
	});

	it('is no disagreement when everyone gave the same answer or only one editor answered', () => {
		expect.hasAssertions();
		expect(editorSpread('q', ['2', '2', null], scale)).toBeNull();
		expect(editorSpread('q', ['1'], scale)).toBeNull();
		expect(editorSpread('q', [], scale)).toBeNull();
	});

	it('counts weiß nicht against an answer as a disagreement without points between them', () => {
		expect.hasAssertions();
		expect(editorSpread('q', ['2', 'unknown'], scale)).toMatchObject({ distinct: 2, pointSpread: 0, minPoints: 2, maxPoints: 2 });
		expect(editorSpread('q', ['unknown', 'na'], scale)).toMatchObject({ distinct: 2, pointSpread: 0, minPoints: null, maxPoints: null });
	});

	it('ranks by point spread, then distinct answers, then editors, then catalogue order, five at most', () => {
		expect.hasAssertions();
		const questions = [
			{ id: 'a', values: ['2', '1'] },
			{ id: 'b', values: ['3', '0'] },
			{ id: 'c', values: ['3', '2', '1'] },
			{ id: 'd', values: ['3', '1'] },
			{ id: 'e', values: ['2', '2'] },
			{ id: 'f', values: ['2', '1', '1'] },
			{ id: 'g', values: ['1', 'unknown'] },
			{ id: 'h', values: ['0', '1'] }
		];
		expect(rankDisagreements(questions, scale).map((s) => s.questionId)).toEqual(['b', 'c', 'd', 'f', 'a']);
		expect(rankDisagreements(questions, scale, 10).map((s) => s.questionId)).toEqual(['b', 'c', 'd', 'f', 'a', 'h', 'g']);
	});
});

describe('"sehe ich anders" on the projector', () => {
	it(`shows only counts of at least ${FLAG_MIN_DEVICES} devices, most marked first, ties in catalogue order`, () => {
		expect.hasAssertions();
		const order = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'];
		const counts = [
			{ questionId: 'q7', devices: 3 },
			{ questionId: 'q2', devices: 2 },
			{ questionId: 'q3', devices: 5 },
			{ questionId: 'q1', devices: 3 },
			{ questionId: 'q4', devices: 1 }
		];
		expect(rankFlags(counts, order)).toEqual([
			{ questionId: 'q3', devices: 5 },
			{ questionId: 'q1', devices: 3 },
			{ questionId: 'q7', devices: 3 }
		]);
	});

	it('keeps at most five and drops questions of other areas', () => {
		expect.hasAssertions();
		const order = ['a', 'b', 'c', 'd', 'e', 'f'];
		const counts = [...order, 'other'].map((questionId, i) => ({ questionId, devices: 10 - i }));
		expect(rankFlags(counts, order).map((c) => c.questionId)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(rankFlags([{ questionId: 'other', devices: 9 }], order)).toEqual([]);
	});
});
