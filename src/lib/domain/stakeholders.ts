import type { Level } from './areas';

/** A workshop rating of an area: a level 1–4 (1 is the best) or null for "kann ich nicht beurteilen". */
export type RatedLevel = Level | null;

/** What the workshop ratings of one area (overall or of one stakeholder group) add up to. */
export interface AreaFigures {
	/** Ratings with a level; "kann ich nicht beurteilen" is not among them. */
	ratings: number;
	/** "kann ich nicht beurteilen" ratings. */
	unknown: number;
	distribution: Record<`${Level}`, number>;
	/** Median of the level ratings (see `median`), possibly a half; null when there are none. */
	median: number | null;
	/** Mean of the level ratings, rounded to 2 decimals; null when there are none. */
	mean: number | null;
}

/** The ratings of one named stakeholder group for one area, "kann ich nicht beurteilen" included. */
export interface GroupRatings {
	group: string;
	levels: RatedLevel[];
}

/** How the room's level ratings stand against the administration's level. */
export interface Comparison {
	/** Level ratings worse than (above), equal to, below (better than) the administration's level. */
	worse: number;
	same: number;
	better: number;
	/** Level ratings two or more levels worse than the administration's. */
	muchWorse: number;
}

/** Everything the room's figures of one area (or one shown group) say, with the minimum applied. */
export interface RoomFigures extends AreaFigures {
	/** True when fewer than k level ratings: no median, mean, gap, shares or divergence then. */
	tooFewRatings: boolean;
	gap: number | null;
	comparison: Comparison | null;
	/** Shares (0–1) of the level ratings worse / the same / better than the administration; null without figures. */
	shareWorse: number | null;
	shareSame: number | null;
	shareBetter: number | null;
	/** At least a quarter of the level ratings at level 1 and at least a quarter at level 4. */
	polarised: boolean;
	divergence: Divergence;
}

export type Divergence = 'none' | 'notable' | 'strong';

/**
 * The median of sorted values. For an even count whose two middle values differ it is their
 * midpoint (2 and 3 → 2.5, shown "2–3"): no tie-break toward either side. A lower median would
 * lean toward level 1 — the administration's usual view — and hide half the room.
 */
export function median(sorted: readonly number[]): number | null {
	const count = sorted.length;
	if (count === 0) return null;
	const upper = sorted[Math.floor(count / 2)]!;
	const lower = sorted[Math.floor((count - 1) / 2)]!;
	return (lower + upper) / 2;
}

/**
 * Distribution, median and mean of an area's ratings. Nulls ("kann ich nicht beurteilen") are
 * counted in `unknown` and never count towards the median or mean.
 */
export function figures(levels: readonly RatedLevel[]): AreaFigures {
	const rated = levels.filter((level): level is Level => level !== null).sort((a, b) => a - b);
	const distribution = { '1': 0, '2': 0, '3': 0, '4': 0 };
	let sum = 0;
	for (const level of rated) {
		distribution[`${level}`] += 1;
		sum += level;
	}
	const count = rated.length;
	return {
		ratings: count,
		unknown: levels.length - count,
		distribution,
		median: median(rated),
		// Scale the integer sum before dividing, so a mean that is exactly a half hundredth
		// (e.g. 41 / 40 = 1.025) rounds up instead of falling to 1.02 through a binary 102.4999….
		mean: count === 0 ? null : Math.round((sum * 100) / count) / 100
	};
}

/**
 * Gap between the stakeholders' median level and the administration's level for an area:
 * positive when the stakeholders see it worse; a half when the median is one. Null when either
 * side has no level.
 */
export function gap(stakeholderMedian: number | null, adminLevel: number | null): number | null {
	if (stakeholderMedian === null || adminLevel === null) return null;
	return stakeholderMedian - adminLevel;
}

/** How the level ratings of a distribution stand against the administration's level. */
export function compare(distribution: AreaFigures['distribution'], adminLevel: number): Comparison {
	const result = { worse: 0, same: 0, better: 0, muchWorse: 0 };
	for (const level of [1, 2, 3, 4] as const) {
		const n = distribution[`${level}`];
		if (level > adminLevel) result.worse += n;
		else if (level === adminLevel) result.same += n;
		else result.better += n;
		if (level >= adminLevel + 2) result.muchWorse += n;
	}
	return result;
}

/**
 * How much the room's view diverges from the administration's. Strong: |gap| ≥ 2, or at least
 * half of the level ratings are two or more levels worse. Notable: |gap| ≥ 1, or at least a third
 * are worse. The shares catch a split room whose median alone would say "no gap".
 */
export function divergence(gapValue: number | null, comparison: Comparison | null = null, ratings = 0): Divergence {
	if (gapValue === null) return 'none';
	const size = Math.abs(gapValue);
	// Integer comparisons (2 × muchWorse ≥ n), so a share of exactly a half or a third counts.
	if (size >= 2 || (comparison !== null && ratings > 0 && comparison.muchWorse * 2 >= ratings)) return 'strong';
	if (size >= 1 || (comparison !== null && ratings > 0 && comparison.worse * 3 >= ratings)) return 'notable';
	return 'none';
}

/** At least a quarter of the level ratings at level 1 and at least a quarter at level 4. */
export function polarised(distribution: AreaFigures['distribution'], ratings: number): boolean {
	return ratings > 0 && distribution['1'] * 4 >= ratings && distribution['4'] * 4 >= ratings;
}

const share = (part: number, whole: number) => Math.round((part / whole) * 10_000) / 10_000;

/**
 * The room's figures for one area against the administration's level, with the minimum: below
 * `k` level ratings there is no median, mean, gap, share or divergence — only the counts — so no
 * figure on a slide or in a report rests on fewer than k ratings.
 */
export function roomFigures(levels: readonly RatedLevel[], adminLevel: number | null, k: number): RoomFigures {
	const base = figures(levels);
	const tooFewRatings = base.ratings < Math.max(1, k);
	if (tooFewRatings) {
		return {
			...base,
			median: null,
			mean: null,
			tooFewRatings,
			gap: null,
			comparison: null,
			shareWorse: null,
			shareSame: null,
			shareBetter: null,
			polarised: false,
			divergence: 'none'
		};
	}
	const gapValue = gap(base.median, adminLevel);
	const comparison = adminLevel === null ? null : compare(base.distribution, adminLevel);
	return {
		...base,
		tooFewRatings,
		gap: gapValue,
		comparison,
		shareWorse: comparison && share(comparison.worse, base.ratings),
		shareSame: comparison && share(comparison.same, base.ratings),
		shareBetter: comparison && share(comparison.better, base.ratings),
		polarised: polarised(base.distribution, base.ratings),
		divergence: divergence(gapValue, comparison, base.ratings)
	};
}

/** A group's figures, or only its name when the group is too small to be shown. */
export type GroupFigures = ({ group: string; suppressed: false } & RoomFigures) | { group: string; suppressed: true };

/** A named count (level ratings of a group, participants of a group) that may have to be hidden. */
export interface GroupCount {
	group: string;
	count: number;
}

/**
 * Decides which groups' counts may be shown, so that nobody can be singled out. A group is shown
 * only with a count of at least `k`. `otherCount` is the part of the total that belongs to no
 * group (participants without a group).
 *
 * Against the subtraction attack (the total minus the shown groups reveals a hidden group):
 * with `remainder` = the total − the shown groups' counts, while a suppressed group has a count
 * and `remainder` < `k`, the smallest shown group is suppressed too (ties: by name), until
 * `remainder` ≥ `k` or nothing is shown. A suppressed group with a count of 0 hides nobody, so it
 * alone never costs another group its figures.
 *
 * @param k the smallest count that may be shown (at least 1)
 * @returns the group names in input order
 */
export function suppressCounts(groups: readonly GroupCount[], k: number, otherCount: number): { shown: string[]; suppressed: string[] } {
	const hidden = new Set(groups.filter((g) => g.count < k).map((g) => g.group));
	if (groups.some((g) => hidden.has(g.group) && g.count > 0)) {
		let remainder = otherCount + groups.filter((g) => hidden.has(g.group)).reduce((n, g) => n + g.count, 0);
		const bySize = groups
			.filter((g) => !hidden.has(g.group))
			.sort((a, b) => a.count - b.count || a.group.localeCompare(b.group, 'de'));
		for (const next of bySize) {
			if (remainder >= k) break;
			hidden.add(next.group);
			remainder += next.count;
		}
	}
	return {
		shown: groups.filter((g) => !hidden.has(g.group)).map((g) => g.group),
		suppressed: groups.filter((g) => hidden.has(g.group)).map((g) => g.group)
	};
}

const levelCount = (levels: readonly RatedLevel[]) => levels.filter((level) => level !== null).length;

/**
 * Which stakeholder groups of one area may be shown: `suppressCounts` on LEVEL ratings only.
 * "kann ich nicht beurteilen" gives no figure, so a group of five with four such answers and one
 * level 4 would otherwise show that one person's vote. `otherLevels` are the area's level ratings
 * from participants without a group.
 */
export function suppressGroups(groups: readonly GroupRatings[], k: number, otherLevels: number): { shown: string[]; suppressed: string[] } {
	return suppressCounts(
		groups.map((g) => ({ group: g.group, count: levelCount(g.levels) })),
		k,
		otherLevels
	);
}

/** Each stakeholder group's figures for one area in input order, or only its name when suppressed (see `suppressGroups`). */
export function groupFigures(groups: readonly GroupRatings[], k: number, otherLevels: number, adminLevel: number | null): GroupFigures[] {
	const shown = new Set(suppressGroups(groups, k, otherLevels).shown);
	return groups.map(({ group, levels }) =>
		shown.has(group) ? { group, suppressed: false, ...roomFigures(levels, adminLevel, k) } : { group, suppressed: true }
	);
}

const size = (gapValue: number | null) => (gapValue === null ? -1 : Math.abs(gapValue));

const DIVERGENCE_RANK: Record<Divergence, number> = { strong: 2, notable: 1, none: 0 };

/**
 * Orders areas for "the strongest gaps first": by divergence (strong, notable, none), then by the
 * size of the gap (areas without a gap last), then in official order.
 */
export function byDivergence(
	a: { area: number; divergence: Divergence; gap: number | null },
	b: { area: number; divergence: Divergence; gap: number | null }
): number {
	return (
		DIVERGENCE_RANK[b.divergence] - DIVERGENCE_RANK[a.divergence] ||
		size(b.gap) - size(a.gap) ||
		a.area - b.area
	);
}
