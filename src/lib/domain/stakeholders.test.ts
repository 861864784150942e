import { describe, expect, it } from 'vitest';
import { byDivergence, divergence, figures, gap, groupFigures, roomFigures, suppressCounts, suppressGroups, type GroupRatings, type RatedLevel } from './stakeholders';

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

	it('gives the midpoint of the two middle values for an even count, never a tie-break', () => {
		expect(figures([1, 2, 3, 4]).median).toBe(2.5);
		expect(figures([3, 3, 1, 1]).median).toBe(2);
		expect(figures([2, 2, 3, 3]).median).toBe(2.5);
		expect(figures([2, 2, 2, 3]).median).toBe(2);
	});

	it('gives the middle value for an odd count, whatever the order', () => {
		expect(figures([4, 1, 3]).median).toBe(3);
	});

	it('leaves "kann ich nicht beurteilen" out of median and mean but counts it as unknown', () => {
		expect(figures([null, 4, null, null, 3])).toEqual({
			ratings: 2,
			unknown: 3,
			distribution: { '1': 0, '2': 0, '3': 1, '4': 1 },
			median: 3.5,
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

	it('calls a gap of 2.5 strong', () => {
		expect(divergence(2.5)).toBe('strong');
		expect(divergence(-2.5)).toBe('strong');
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

	it('counts only level ratings towards a group\'s size, never "kann ich nicht beurteilen"', () => {
		// Before: {4: 1} was shown for this group — one person's vote.
		const migranten: GroupRatings = { group: 'Migrantenorganisation', levels: [null, null, null, null, 4] };
		expect(suppressGroups([migranten, group('Wirtschaft', 6)], 5, 6)).toEqual({
			shown: ['Wirtschaft'],
			suppressed: ['Migrantenorganisation']
		});
	});

	it('applies the subtraction rule to level ratings: "kann ich nicht beurteilen" does not pad the remainder', () => {
		// Four level ratings hidden, the rest of the total is five "cannot judge": total − shown = the hidden votes.
		const politik: GroupRatings = { group: 'Politik', levels: [4, 4, 4, 4] };
		const wirtschaft: GroupRatings = { group: 'Wirtschaft', levels: [2, 2, 2, 2, 2, null, null, null, null, null] };
		expect(suppressGroups([politik, wirtschaft], 5, 0).shown).toEqual([]);
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

	it('with k = 1 shows every group with at least one level rating', () => {
		const groups = [group('Politik', 1), group('Wirtschaft', 0), group('Sonstige', 1, null)];
		expect(suppressGroups(groups, 1, 0)).toEqual({ shown: ['Politik'], suppressed: ['Wirtschaft', 'Sonstige'] });
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
		const wirtschaftFive: GroupRatings = { group: 'Wirtschaft', levels: [4, 4, 3, null, 4, 4] };
		expect(groupFigures([politik, wirtschaftFive], 5, 5, 2)).toEqual([
			{ group: 'Politik', suppressed: true },
			{
				group: 'Wirtschaft',
				suppressed: false,
				ratings: 5,
				unknown: 1,
				distribution: { '1': 0, '2': 0, '3': 1, '4': 4 },
				median: 4,
				mean: 3.8,
				tooFewRatings: false,
				gap: 2,
				comparison: { worse: 5, same: 0, better: 0, muchWorse: 4 },
				shareWorse: 1,
				shareSame: 0,
				shareBetter: 0,
				polarised: false,
				divergence: 'strong'
			}
		]);
		// Four level ratings and one "kann ich nicht beurteilen" are fewer than k = 5 level ratings.
		expect(groupFigures([politik, wirtschaft], 5, 5, 2)[1]).toEqual({ group: 'Wirtschaft', suppressed: true });
	});

	it('hides a shown group\'s figures too when it falls to the subtraction attack', () => {
		expect(groupFigures([group('Politik', 2), group('Wirtschaft', 5)], 5, 0, 2)).toEqual([
			{ group: 'Politik', suppressed: true },
			{ group: 'Wirtschaft', suppressed: true }
		]);
	});

	it('gives nothing for no groups', () => {
		expect(groupFigures([], 5, 0, 2)).toEqual([]);
	});
});

/** `count` ratings of each level given as [level, count] pairs. */
const ratings = (...pairs: [RatedLevel, number][]): RatedLevel[] => pairs.flatMap(([level, count]) => Array<RatedLevel>(count).fill(level));

describe('roomFigures: the examples from the workshop-trust review', () => {
	it('17 × level 1 and 17 × level 3 against an administration at level 1: median 2 ("1–3" midpoint), gap +1, not 0', () => {
		const room = roomFigures(ratings([1, 17], [3, 17]), 1, 5);
		// Before: the lower median gave 1 and gap 0, though half the room said "auf dem Weg".
		expect(room).toMatchObject({ median: 2, gap: 1, shareWorse: 0.5, shareSame: 0.5, shareBetter: 0, polarised: false });
		expect(room.divergence).toBe('strong'); // half the room rates it 2 levels worse
	});

	it('18 × level 1 and 16 × level 4 against level 1: a split room, polarised, strong divergence', () => {
		const room = roomFigures(ratings([1, 18], [4, 16]), 1, 5);
		// Before: median 1, gap 0, "keine Abweichung".
		expect(room.median).toBe(1);
		expect(room.gap).toBe(0);
		expect(room.polarised).toBe(true);
		expect(room.comparison).toEqual({ worse: 16, same: 18, better: 0, muchWorse: 16 });
		expect(room.shareWorse).toBe(0.4706);
		expect(room.divergence).toBe('notable'); // 16 of 34 worse is more than a third, fewer than half by 2+
	});

	it('an even count with middle values 2 and 3 gives a half median and a half gap', () => {
		const room = roomFigures(ratings([2, 5], [3, 5]), 1, 5);
		expect(room).toMatchObject({ median: 2.5, gap: 1.5 });
	});

	it('one paper ballot is never a figure: too few ratings, no median, no gap, no divergence', () => {
		// Before: "Median 2, starke Abweichung −2", first on the "stärkste Abweichungen" slide.
		const room = roomFigures([2], 4, 5);
		expect(room).toMatchObject({
			ratings: 1,
			tooFewRatings: true,
			median: null,
			mean: null,
			gap: null,
			shareWorse: null,
			shareSame: null,
			shareBetter: null,
			polarised: false,
			divergence: 'none'
		});
	});

	it('needs k LEVEL ratings: k − 1 levels and many "kann ich nicht beurteilen" are still too few', () => {
		expect(roomFigures(ratings([3, 4], [null, 10]), 1, 5).tooFewRatings).toBe(true);
		expect(roomFigures(ratings([3, 5], [null, 10]), 1, 5)).toMatchObject({ tooFewRatings: false, median: 3, gap: 2 });
	});

	it('Krefeld: 34 participants mostly at level 3 against the administration\'s level 1 is strong', () => {
		const room = roomFigures(ratings([1, 3], [2, 6], [3, 20], [4, 5]), 1, 5);
		expect(room).toMatchObject({ median: 3, gap: 2, divergence: 'strong' });
		expect(room.comparison?.worse).toBe(31);
	});

	it('a third of the room worse is notable even when the median agrees', () => {
		const room = roomFigures(ratings([2, 8], [3, 4]), 2, 5);
		expect(room).toMatchObject({ median: 2, gap: 0, divergence: 'notable' });
		expect(roomFigures(ratings([2, 9], [3, 4]), 2, 5).divergence).toBe('none');
	});

	it('polarised needs at least a quarter at level 1 and a quarter at level 4', () => {
		expect(roomFigures(ratings([1, 3], [2, 6], [4, 3]), 2, 5).polarised).toBe(true);
		expect(roomFigures(ratings([1, 3], [2, 7], [4, 3]), 2, 5).polarised).toBe(false);
	});

	it('has counts but no shares without an administration level', () => {
		const room = roomFigures(ratings([2, 6]), null, 5);
		expect(room).toMatchObject({ median: 2, gap: null, comparison: null, shareWorse: null, divergence: 'none' });
	});
});

describe('suppressCounts', () => {
	it('hides head counts below k and the smallest shown one when the total would reveal it', () => {
		const counts = [
			{ group: 'Politik', count: 1 },
			{ group: 'Verwaltung', count: 12 },
			{ group: 'Wirtschaft', count: 6 }
		];
		expect(suppressCounts(counts, 5, 0)).toEqual({ shown: ['Verwaltung'], suppressed: ['Politik', 'Wirtschaft'] });
		expect(suppressCounts(counts, 5, 4).shown).toEqual(['Verwaltung', 'Wirtschaft']);
	});
});

describe('byDivergence', () => {
	it('puts strong before notable before none, then the larger gap, then the official order; no gap last', () => {
		const areas = [
			{ area: 1, divergence: 'none' as const, gap: null },
			{ area: 2, divergence: 'notable' as const, gap: 1.5 },
			{ area: 3, divergence: 'strong' as const, gap: 0 },
			{ area: 4, divergence: 'strong' as const, gap: 2 },
			{ area: 5, divergence: 'none' as const, gap: 0.5 },
			{ area: 6, divergence: 'notable' as const, gap: -1.5 }
		];
		expect([...areas].sort(byDivergence).map((a) => a.area)).toEqual([4, 3, 2, 6, 5, 1]);
	});
});
