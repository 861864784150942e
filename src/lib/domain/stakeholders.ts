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
	/** Lower median of the level ratings (see `figures`); null when there are none. */
	median: Level | null;
	/** Mean of the level ratings, rounded to 2 decimals; null when there are none. */
	mean: number | null;
}

/** The ratings of one named stakeholder group for one area, "kann ich nicht beurteilen" included. */
export interface GroupRatings {
	group: string;
	levels: RatedLevel[];
}

/** A group's figures, or only its name when the group is too small to be shown. */
export type GroupFigures = ({ group: string; suppressed: false } & AreaFigures) | { group: string; suppressed: true };

/**
 * Distribution, median and mean of an area's ratings. Nulls ("kann ich nicht beurteilen") are
 * counted in `unknown` and never count towards the median or mean.
 *
 * The median is the LOWER median: for an even count it is the smaller of the two middle values
 * ([1, 2, 3, 4] → 2, [3, 3, 1, 1] → 1). That keeps the reported level one of 1–4 instead of a
 * half level, and since 1 is the best level it is the more favourable of the two middle values.
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
		median: rated[Math.floor((count - 1) / 2)] ?? null,
		// Scale the integer sum before dividing, so a mean that is exactly a half hundredth
		// (e.g. 41 / 40 = 1.025) rounds up instead of falling to 1.02 through a binary 102.4999….
		mean: count === 0 ? null : Math.round((sum * 100) / count) / 100
	};
}

/**
 * Gap between the stakeholders' median level and the administration's level for an area:
 * positive when the stakeholders see it worse. Null when either side has no level.
 */
export function gap(stakeholderMedian: number | null, adminLevel: number | null): number | null {
	if (stakeholderMedian === null || adminLevel === null) return null;
	return stakeholderMedian - adminLevel;
}

/** How much a gap matters: |gap| ≥ 2 is a strong divergence, ≥ 1 notable; no gap is none. */
export function divergence(gap: number | null): 'none' | 'notable' | 'strong' {
	if (gap === null) return 'none';
	const size = Math.abs(gap);
	if (size >= 2) return 'strong';
	return size >= 1 ? 'notable' : 'none';
}

/**
 * Decides which stakeholder groups of one area may be shown, so that nobody can be singled out.
 *
 * A group is shown only with at least `k` ratings; every rating counts, "kann ich nicht
 * beurteilen" included, as that person has still taken part. `otherRatings` are the area's
 * ratings from participants without a group: part of the area's total, of no group.
 *
 * Against the subtraction attack (area total minus the shown groups reveals a hidden group):
 * with `remainder` = the area's total − the ratings of the shown groups, while a suppressed group
 * has ratings and `remainder` < `k`, the smallest shown group is suppressed too (ties: by name),
 * until `remainder` ≥ `k` or nothing is shown. A suppressed group without ratings hides nobody,
 * so it alone never costs another group its figures.
 *
 * @param k the smallest group size that may be shown (at least 1)
 * @returns the group names in input order
 */
export function suppressGroups(
	groups: readonly GroupRatings[],
	k: number,
	otherRatings: number
): { shown: string[]; suppressed: string[] } {
	const hidden = new Set(groups.filter((g) => g.levels.length < k).map((g) => g.group));
	if (groups.some((g) => hidden.has(g.group) && g.levels.length > 0)) {
		let remainder = otherRatings + groups.filter((g) => hidden.has(g.group)).reduce((n, g) => n + g.levels.length, 0);
		const bySize = groups
			.filter((g) => !hidden.has(g.group))
			.sort((a, b) => a.levels.length - b.levels.length || a.group.localeCompare(b.group, 'de'));
		for (const next of bySize) {
			if (remainder >= k) break;
			hidden.add(next.group);
			remainder += next.levels.length;
		}
	}
	return {
		shown: groups.filter((g) => !hidden.has(g.group)).map((g) => g.group),
		suppressed: groups.filter((g) => hidden.has(g.group)).map((g) => g.group)
	};
}

/** Each stakeholder group's figures for one area in input order, or only its name when suppressed (see `suppressGroups`). */
export function groupFigures(groups: readonly GroupRatings[], k: number, otherRatings: number): GroupFigures[] {
	const shown = new Set(suppressGroups(groups, k, otherRatings).shown);
	return groups.map(({ group, levels }) =>
		shown.has(group) ? { group, suppressed: false, ...figures(levels) } : { group, suppressed: true }
	);
}
