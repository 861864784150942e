import { describe, expect, it } from 'vitest';
import { divergence, figures, gap, groupFigures, suppressGroups, type GroupRatings, type RatedLevel } from './stakeholders';

/** A group with `count` ratings of `level` (null: "kann ich nicht beurteilen"). */
const group = (name: string, count: number, level: RatedLevel = 2): GroupRatings => ({
	group: name,
	levels: Array<RatedLevel>(count).fill(level)
});

describe('figures', () => {
	it('counts the distribution, median and mean of the level ratings', () => {
		expect(figures([1, 2, 2, 4, 2])).toEqual({
			ratings: 5,
			unknown: 0,
			distribution: { '1': 1, '2': 3, '3': 0, '4': 1 },
			median: 2,
			mean: 2.2
		});
	});

	it('gives the lower median for an even count', () => {
		expect(figures([1, 2, 3, 4]).median).toBe(2);
		expect(figures([3, 3, 1, 1]).median).toBe(1);
	});

	it('gives the middle value for an odd count, whatever the order', () => {
		expect(figures([4, 1, 3]).median).toBe(3);
	});

	it('leaves "kann ich nicht beurteilen" out of median and mean but counts it as unknown', () => {
		expect(figures([null, 4, null, null, 3])).toEqual({
			ratings: 2,
			unknown: 3,
			distribution: { '1': 0, '2': 0, '3': 1, '4': 1 },
			median: 3,
			mean: 3.5
		});
	});

	it('rounds the mean to 2 decimals', () => {
		expect(figures([1, 1, 2]).mean).toBe(1.33);
		expect(figures([2, 2, 3]).mean).toBe(2.33);
		expect(figures([1, 2, 2]).mean).toBe(1.67);
	});

	it('rounds a mean of exactly half a hundredth up', () => {
		// 41 / 40 = 1.025; computed as (41 / 40) × 100 it comes out just below 102.5.
		const levels: RatedLevel[] = [...Array<RatedLevel>(39).fill(1), 2];
		expect(figures(levels).mean).toBe(1.03);
	});

	it('has no median or mean without level ratings', () => {
		expect(figures([null, null])).toEqual({
			ratings: 0,
			unknown: 2,
			distribution: { '1': 0, '2': 0, '3': 0, '4': 0 },
			median: null,
			mean: null
		});
		expect(figures([])).toMatchObject({ ratings: 0, unknown: 0, median: null, mean: null });
	});
});

describe('gap and divergence', () => {
	it('is positive when the stakeholders see the area worse than the administration', () => {
		expect(gap(4, 2)).toBe(2);
		expect(gap(1, 3)).toBe(-2);
		expect(gap(2, 2)).toBe(0);
	});

	it('has no gap when either side has no level', () => {
		expect(gap(null, 2)).toBeNull();
		expect(gap(3, null)).toBeNull();
		expect(gap(null, null)).toBeNull();
	});

	it('calls a gap of 2 or more a strong divergence, in either direction', () => {
		expect(divergence(2)).toBe('strong');
		expect(divergence(-3)).toBe('strong');
	});

	it('calls a gap of 1 notable, in either direction', () => {
		expect(divergence(1)).toBe('notable');
		expect(divergence(-1)).toBe('notable');
		expect(divergence(1.5)).toBe('notable');
	});

	it('sees no divergence below 1 or without a gap', () => {
		expect(divergence(0)).toBe('none');
		expect(divergence(0.5)).toBe('none');
		expect(divergence(null)).toBe('none');
	});
});

describe('suppressGroups', () => {
	it('shows every group with at least k ratings', () => {
		expect(suppressGroups([group('Politik', 5), group('Wirtschaft', 7)], 5, 0)).toEqual({
			shown: ['Politik', 'Wirtschaft'],
			suppressed: []
		});
	});

	it('counts "kann ich nicht beurteilen" towards a group\'s size', () => {
		const politik: GroupRatings = { group: 'Politik', levels: [1, null, null, 2, null] };
		expect(suppressGroups([politik, group('Wirtschaft', 6)], 5, 0).shown).toEqual(['Politik', 'Wirtschaft']);
	});

	it('suppresses a group with k − 1 ratings', () => {
		const groups = [group('Politik', 4), group('Wirtschaft', 6), group('Sonstige', 5)];
		expect(suppressGroups(groups, 5, 5)).toEqual({ shown: ['Wirtschaft', 'Sonstige'], suppressed: ['Politik'] });
	});

	it('also suppresses the smallest shown group when the area total would reveal the suppressed one', () => {
		const groups = [group('Verwaltung', 8), group('Politik', 2), group('Wirtschaft', 6)];
		expect(suppressGroups(groups, 5, 0)).toEqual({ shown: ['Verwaltung'], suppressed: ['Politik', 'Wirtschaft'] });
	});

	it('needs no extra suppression when ratings without a group bring the remainder to k', () => {
		const groups = [group('Verwaltung', 8), group('Politik', 2), group('Wirtschaft', 6)];
		expect(suppressGroups(groups, 5, 3)).toEqual({
			shown: ['Verwaltung', 'Wirtschaft'],
			suppressed: ['Politik']
		});
		expect(suppressGroups(groups, 5, 2).suppressed).toEqual(['Politik', 'Wirtschaft']);
	});

	it('stops the cascade once the remainder reaches k, leaving the larger groups shown', () => {
		const groups = [group('Verwaltung', 9), group('Politik', 1), group('Wirtschaft', 5), group('Sonstige', 6)];
		expect(suppressGroups(groups, 5, 0)).toEqual({
			shown: ['Verwaltung', 'Sonstige'],
			suppressed: ['Politik', 'Wirtschaft']
		});
	});

	it('breaks a tie between the smallest shown groups by name', () => {
		const groups = [group('Zivilgesellschaft', 5), group('Politik', 3), group('Wirtschaft', 5)];
		expect(suppressGroups(groups, 5, 0)).toEqual({
			shown: ['Zivilgesellschaft'],
			suppressed: ['Politik', 'Wirtschaft']
		});
	});

	it('suppresses every group when none reaches k', () => {
		expect(suppressGroups([group('Politik', 4), group('Wirtschaft', 1)], 5, 10)).toEqual({
			shown: [],
			suppressed: ['Politik', 'Wirtschaft']
		});
	});

	it('with k = 1 shows every group with at least one rating', () => {
		const groups = [group('Politik', 1), group('Wirtschaft', 0), group('Sonstige', 1, null)];
		expect(suppressGroups(groups, 1, 0)).toEqual({ shown: ['Politik', 'Sonstige'], suppressed: ['Wirtschaft'] });
	});

	it('costs no other group its figures for a suppressed group nobody rated in', () => {
		expect(suppressGroups([group('Politik', 0), group('Wirtschaft', 5)], 5, 0)).toEqual({
			shown: ['Wirtschaft'],
			suppressed: ['Politik']
		});
	});

	it('shows and suppresses nothing without groups', () => {
		expect(suppressGroups([], 5, 3)).toEqual({ shown: [], suppressed: [] });
	});
});

describe('groupFigures', () => {
	it('gives the figures of shown groups and only the name of suppressed ones, in input order', () => {
		const politik: GroupRatings = { group: 'Politik', levels: [1, 3] };
		const wirtschaft: GroupRatings = { group: 'Wirtschaft', levels: [4, 4, 3, null, 4] };
		expect(groupFigures([politik, wirtschaft], 5, 3)).toEqual([
			{ group: 'Politik', suppressed: true },
			{
				group: 'Wirtschaft',
				suppressed: false,
				ratings: 4,
				unknown: 1,
				distribution: { '1': 0, '2': 0, '3': 1, '4': 3 },
				median: 4,
				mean: 3.75
			}
		]);
	});

	it('hides a shown group\'s figures too when it falls to the subtraction attack', () => {
		expect(groupFigures([group('Politik', 2), group('Wirtschaft', 5)], 5, 0)).toEqual([
			{ group: 'Politik', suppressed: true },
			{ group: 'Wirtschaft', suppressed: true }
		]);
	});

	it('gives nothing for no groups', () => {
		expect(groupFigures([], 5, 0)).toEqual([]);
	});
});
