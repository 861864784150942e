import { describe, expect, it } from 'vitest';
import {
	MIN_GROUP,
	changedMembers,
	groupFigures,
	nextSnapshot,
	quantile,
	quartiles,
	viewComparison,
	type GroupSnapshot,
	type Member
} from './comparison';
import type { PopulationBand } from './municipality-profile';

const AREAS = [1, 2];

/** A member whose areas 1 and 2 score `score` (area 2 not assessable when `area2` is null). */
function member(id: number, score: number, band: PopulationBand | null = '100k_500k', area2: number | null = score): Member {
	return { municipalityId: id, assessmentId: id * 10, band, scores: new Map([[1, score], [2, area2]]) };
}

function members(count: number, firstId = 1, band: PopulationBand | null = '100k_500k'): Member[] {
	return Array.from({ length: count }, (_, i) => member(firstId + i, 20 + ((i * 37) % 70), band));
}

/** What a viewer sees: everything except its own score, which a viewer knows anyway. */
function seen(snapshot: GroupSnapshot) {
	return viewComparison(AREAS, 'kreisfreie_stadt', null, snapshot, undefined, new Map()).map((a) =>
		'group' in a ? { ...a, own: undefined } : a
	);
}

describe('quantiles (linear between closest ranks, type 7)', () => {
	it('interpolates between ranks', () => {
		expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
		expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
		expect(quantile([10], 0.75)).toBe(10);
	});

	it('rounds median and quartiles to whole points, halves up, whatever the input order', () => {
		expect(quartiles([80, 10, 45, 20, 62.5, 30])).toEqual({ q1: 23, median: 38, q3: 58 });
		expect(quartiles([62.5, 62.5])).toEqual({ q1: 63, median: 63, q3: 63 });
	});
});

describe('the minimum of 5 other municipalities', () => {
	it('says too few with the viewer and 4 others, and gives figures with the viewer and 5 others', () => {
		expect(groupFigures(members(MIN_GROUP - 1), AREAS)[0]).toEqual({ area: 1, municipalities: 5, figures: null });
		expect(groupFigures(members(MIN_GROUP), AREAS)[0]!.figures).not.toBeNull();
	});

	it('counts only members with a score in the area', () => {
		const group = [...members(5), member(6, 50, '100k_500k', null)];
		const [area1, area2] = groupFigures(group, AREAS);
		expect(area1!.figures).not.toBeNull();
		expect(area2).toEqual({ area: 2, municipalities: 5, figures: null });
	});

	it('shows too few without the count, and figures without names or ids', () => {
		const snapshot = nextSnapshot(undefined, members(5), AREAS);
		expect(viewComparison(AREAS, 'kreisfreie_stadt', null, snapshot, undefined, new Map())).toEqual([
			{ area: 1, tooFew: true },
			{ area: 2, tooFew: true }
		]);
		const shown = JSON.stringify(viewComparison(AREAS, 'kreisfreie_stadt', null, nextSnapshot(undefined, members(8, 101), AREAS), undefined, new Map()));
		expect(shown).not.toMatch(/municipalityId|assessmentId|\b10[1-8]\b/);
	});
});

describe('band groups fall back to the whole kind', () => {
	const band = members(6, 1, '100k_500k');

	it('uses the kind when the rest of the kind is too small', () => {
		const rest = members(5, 50, '50k_100k');
		const kind = nextSnapshot(undefined, [...band, ...rest], AREAS);
		const bandSnapshot = nextSnapshot(undefined, band, AREAS, rest);
		expect(bandSnapshot.areas[0]!.figures).toBeNull();
		const [area1] = viewComparison(AREAS, 'kreisfreie_stadt', '100k_500k', kind, bandSnapshot, new Map([[1, 50]]));
		expect(area1).toMatchObject({ group: { type: 'kreisfreie_stadt', municipalities: 11 } });
		expect(area1 && 'group' in area1 && area1.group.band).toBeUndefined();
	});

	it('uses the band when both it and the rest hold 6 municipalities', () => {
		const rest = members(6, 50, '50k_100k');
		const kind = nextSnapshot(undefined, [...band, ...rest], AREAS);
		const bandSnapshot = nextSnapshot(undefined, band, AREAS, rest);
		const [area1] = viewComparison(AREAS, 'kreisfreie_stadt', '100k_500k', kind, bandSnapshot, new Map([[1, 50]]));
		expect(area1).toMatchObject({ group: { type: 'kreisfreie_stadt', band: '100k_500k', municipalities: 6 } });
	});

	it('switches a band group on when the rest of the kind grows, though its own members did not change', () => {
		const before = nextSnapshot(undefined, band, AREAS, members(5, 50, '50k_100k'));
		expect(before.everPublished).toBe(false);
		const after = nextSnapshot(before, band, AREAS, members(6, 50, '50k_100k'));
		expect(after.areas[0]!.figures).not.toBeNull();
	});

	it('gives a member without a band the kind', () => {
		const kind = nextSnapshot(undefined, members(7), AREAS);
		expect(viewComparison(AREAS, 'landkreis', null, kind, undefined, new Map())[0]).toMatchObject({ group: { type: 'landkreis', municipalities: 7 } });
	});
});

describe('subtraction: comparisons that differ by one municipality reveal nothing', () => {
	it('gives every member of a group the same figures (computed over the whole group)', () => {
		const group = members(9);
		const snapshot = nextSnapshot(undefined, group, AREAS);
		const views = group.map((m) => viewComparison(AREAS, 'kreisfreie_stadt', null, snapshot, undefined, m.scores));
		const withoutOwn = views.map((v) => v.map((a) => ('group' in a ? { ...a, own: undefined } : a)));
		for (const view of withoutOwn) expect(view).toEqual(withoutOwn[0]);
	});

	it('keeps the figures identical while one, two, three or four municipalities join', () => {
		const base = members(10);
		let snapshot = nextSnapshot(undefined, base, AREAS);
		const before = seen(snapshot);
		const joiners = [member(90, 100), member(91, 0), member(92, 100), member(93, 0), member(94, 100)];
		for (let joined = 1; joined <= 4; joined++) {
			snapshot = nextSnapshot(snapshot, [...base, ...joiners.slice(0, joined)], AREAS);
			expect(seen(snapshot)).toEqual(before);
		}
		snapshot = nextSnapshot(snapshot, [...base, ...joiners], AREAS);
		expect(seen(snapshot)).not.toEqual(before);
		expect(snapshot.areas[0]!.municipalities).toBe(15);
	});

	it('keeps the figures identical when one municipality leaves, so its scores cannot be recovered', () => {
		// An extreme leaver moves every quartile if it is removed: the attack would see that.
		const base = [...members(8), member(99, 100)];
		const snapshot = nextSnapshot(undefined, base, AREAS);
		const after = nextSnapshot(snapshot, base.slice(0, -1), AREAS);
		expect(groupFigures(base.slice(0, -1), AREAS)).not.toEqual(groupFigures(base, AREAS));
		expect(seen(after)).toEqual(seen(snapshot));
	});

	it('counts a newer closed round, a join and a leave each as one change', () => {
		const before = new Map([[1, 10], [2, 20], [3, 30]]);
		const now = new Map([[1, 11], [2, 20], [4, 40]]);
		expect(changedMembers(before, now)).toBe(3);
	});

	it('recomputes freely while nothing was ever published, then freezes', () => {
		let snapshot = nextSnapshot(undefined, members(5), AREAS);
		expect(snapshot.everPublished).toBe(false);
		snapshot = nextSnapshot(snapshot, members(6), AREAS);
		expect(snapshot.everPublished).toBe(true);
		const published = seen(snapshot);
		// Shrinking back below the minimum is one change: the published figures stay.
		expect(seen(nextSnapshot(snapshot, members(5), AREAS))).toEqual(published);
	});
});

describe('own position', () => {
	it('places the own score below q1, between the quartiles or above q3', () => {
		const snapshot = nextSnapshot(undefined, [10, 20, 30, 40, 50, 60, 70].map((s, i) => member(i + 1, s)), AREAS);
		const position = (score: number) => {
			const [area1] = viewComparison([1], 'kreisfreie_stadt', null, snapshot, undefined, new Map([[1, score]]));
			return area1 && 'group' in area1 ? [area1.q1, area1.median, area1.q3, area1.own.score, area1.own.position] : null;
		};
		expect(position(24.6)).toEqual([25, 40, 55, 25, 'between']);
		expect(position(24.4)).toEqual([25, 40, 55, 24, 'below']);
		expect(position(56)).toEqual([25, 40, 55, 56, 'above']);
	});
});
