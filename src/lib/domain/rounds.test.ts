import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '$lib/schemas/catalogue';
import { identityMap } from './question-map';
import { chainOf, changeCounts, compareAnswers, onlyChanges, questionChanges } from './rounds';

const catalogue = (): Catalogue => JSON.parse(readFileSync('db/catalogues/weltoffene-kommune-2026.1.json', 'utf8'));

describe('the chain of rounds', () => {
	it('lists the rounds that lead to a round, oldest first, and ignores rounds after it or beside it', () => {
		expect.hasAssertions();
		const rounds = [
			{ id: 1, previousId: null },
			{ id: 2, previousId: 1 },
			{ id: 3, previousId: 2 },
			{ id: 4, previousId: 1 },
			{ id: 9, previousId: null }
		];
		expect(chainOf(rounds, 3).map((r) => r.id)).toEqual([1, 2, 3]);
		expect(chainOf(rounds, 4).map((r) => r.id)).toEqual([1, 4]);
		expect(chainOf(rounds, 1).map((r) => r.id)).toEqual([1]);
		expect(chainOf(rounds, 42)).toEqual([]);
	});

	it('stops at a loop and at a link to a round of another municipality (not in the list)', () => {
		expect.hasAssertions();
		expect(chainOf([{ id: 1, previousId: 2 }, { id: 2, previousId: 1 }], 2).map((r) => r.id)).toEqual([1, 2]);
		expect(chainOf([{ id: 5, previousId: 77 }], 5).map((r) => r.id)).toEqual([5]);
	});
});

describe('per-question changes between two rounds', () => {
	it('compares by points: better, worse, same; "weiß nicht" and missing answers are not comparable unless unchanged, unanswered in both is open', () => {
		expect.hasAssertions();
		const c = catalogue();
		expect(compareAnswers(c, '1', c, '3')).toBe('better');
		expect(compareAnswers(c, '3', c, '2')).toBe('worse');
		expect(compareAnswers(c, '2', c, '2')).toBe('same');
		expect(compareAnswers(c, 'unknown', c, '2')).toBe('notComparable');
		expect(compareAnswers(c, '2', c, null)).toBe('notComparable');
		expect(compareAnswers(c, 'unknown', c, 'unknown')).toBe('same');
		expect(compareAnswers(c, null, c, null)).toBe('open');
	});

	it('compares by the share of each scale\'s best step, so editions with another scale still compare', () => {
		expect.hasAssertions();
		const older = catalogue();
		const newer = catalogue();
		// A 0–6 scale: 4 of 6 points is more than 1 of 3 on the old one, less than 3 of 3.
		newer.scale = newer.scale.map((s) => (s.points === null ? s : { ...s, points: s.points * 2 }));
		expect(compareAnswers(older, '1', newer, '2')).toBe('better');
		expect(compareAnswers(older, '3', newer, '2')).toBe('worse');
		expect(compareAnswers(older, '2', newer, '2')).toBe('same');
	});

	it('lists every question of the newer round in order, with counts and the "only changes" filter', () => {
		expect.hasAssertions();
		const c = catalogue();
		const old = new Map([['1.01', '1'], ['1.02', '3'], ['1.03', '2']]);
		const now = new Map([['1.01', '2'], ['1.02', '1'], ['1.03', '2'], ['1.04', '3']]);
		const changes = questionChanges(c, c, identityMap(c), old, now);
		expect(changes).toHaveLength(105);
		expect(changes.slice(0, 4).map((x) => [x.to, x.status])).toEqual([
			['1.01', 'better'],
			['1.02', 'worse'],
			['1.03', 'same'],
			['1.04', 'notComparable']
		]);
		expect(changeCounts(changes)).toEqual({ better: 1, worse: 1, notComparable: 1, same: 1, open: 101, new: 0, dropped: 0 });
		expect(onlyChanges(changes).map((x) => x.to)).toEqual(['1.01', '1.02', '1.04']);
	});
});
