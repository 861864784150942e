/**
 * The anonymous comparison between municipalities (pure): which municipalities form a comparison
 * group, the group's figures per area (median and quartiles of the area scores of their latest
 * closed round), and when those figures may be recomputed.
 *
 * Privacy rules, and why they hold against subtraction (two comparisons that differ by one
 * municipality must not reveal that municipality's scores):
 * 1. **Same figures for everyone in a group.** A group's figures are computed over all its members
 *    (the viewer included) and do not depend on who looks, so two members' views never differ by one
 *    member (leave-one-out figures would).
 * 2. **Minimum.** An area's figures are published only when at least `MIN_GROUP` = 6 municipalities
 *    have a score in it — the viewer plus at least 5 others (`MIN_OTHERS`). Below that: "zu wenige
 *    Vergleichskommunen", without the count.
 * 3. **Band subgroups only with a large rest.** A population-band group is used for an area only when
 *    it and the rest of its kind each hold `MIN_GROUP` scores; otherwise its members see the whole
 *    kind. So the kind's figures and a band's figures always differ by at least 6 municipalities.
 * 4. **Snapshots.** Published figures are frozen in a snapshot per group. A snapshot is replaced only
 *    when at least `REFRESH_AFTER_CHANGES` = 5 members changed since it was taken (joined, left,
 *    closed a newer round, moved kind or band). One municipality joining or leaving therefore never
 *    changes what anyone sees; the next figures differ by at least 5 municipalities. Until a group
 *    has ever published a figure, nothing could be subtracted, so it is recomputed on every change.
 * 5. **Whole points.** Figures are rounded to whole percentage points.
 * Residual: colluding municipalities that see different groups, or a group watched across many
 * snapshots, may narrow down values; quartiles of ≥ 6 values rounded to whole points bound that.
 *
 * Quantile method: linear interpolation between closest ranks (Hyndman & Fan type 7, as Excel's
 * QUARTILE.INC / QUARTIL.INKL and R's default): for sorted x₀…xₙ₋₁ and p, h = (n − 1)·p, the value
 * is x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). The median is the usual one (the midpoint for an even count).
 */
import type { MunicipalityKind, PopulationBand } from './municipality-profile';

/** Other municipalities a comparison needs at least. */
export const MIN_OTHERS = 5;
/** Scores an area's group needs: the viewer and MIN_OTHERS others, whoever looks. */
export const MIN_GROUP = MIN_OTHERS + 1;
/** Members that must have changed before a published snapshot is recomputed. */
export const REFRESH_AFTER_CHANGES = 5;

/** Type-7 quantile (see the module comment) of ascending values; throws on an empty list (a bug). */
export function quantile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) throw new Error('quantile of no values');
	const h = (sorted.length - 1) * p;
	const low = Math.floor(h);
	const high = Math.min(low + 1, sorted.length - 1);
	return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}

export interface Quartiles {
	/** Whole percentage points. */
	q1: number;
	median: number;
	q3: number;
}

/** Median and quartiles of scores (0–100), rounded to whole points, halves up. */
export function quartiles(scores: readonly number[]): Quartiles {
	const sorted = [...scores].sort((a, b) => a - b);
	// Round a tiny bit above the float value so 62.5 stored as 62.4999… still rounds up.
	const round = (value: number) => Math.round(value + 1e-9);
	return { q1: round(quantile(sorted, 0.25)), median: round(quantile(sorted, 0.5)), q3: round(quantile(sorted, 0.75)) };
}

/** A municipality in the comparison: its latest closed round and that round's area scores. */
export interface Member {
	municipalityId: number;
	assessmentId: number;
	band: PopulationBand | null;
	/** Area number → score 0–100, or null when the area was not assessable. */
	scores: ReadonlyMap<number, number | null>;
}

/** One area of one group in a snapshot: published figures, or null when too few scores. */
export interface AreaFigures {
	area: number;
	/** Members with a score in this area. */
	municipalities: number;
	figures: Quartiles | null;
}

function scoresIn(members: readonly Member[], area: number): number[] {
	return members.flatMap((m) => {
		const score = m.scores.get(area);
		return score === null || score === undefined ? [] : [score];
	});
}

/**
 * A group's figures per area. For a band group pass the rest of its kind (`rest`): the area is
 * published only when the rest also holds `MIN_GROUP` scores there (rule 3).
 */
export function groupFigures(members: readonly Member[], areas: readonly number[], rest?: readonly Member[]): AreaFigures[] {
	return areas.map((area) => {
		const scores = scoresIn(members, area);
		const restLarge = rest === undefined || scoresIn(rest, area).length >= MIN_GROUP;
		const publish = scores.length >= MIN_GROUP && restLarge;
		return { area, municipalities: scores.length, figures: publish ? quartiles(scores) : null };
	});
}

/** Municipality id → the assessment (latest closed round) it takes part with. */
export type Membership = ReadonlyMap<number, number>;

/** Municipalities that joined, left or take part with another round since `before`. */
export function changedMembers(before: Membership, now: Membership): number {
	let changed = 0;
	for (const [municipality, assessment] of now) if (before.get(municipality) !== assessment) changed += 1;
	for (const municipality of before.keys()) if (!now.has(municipality)) changed += 1;
	return changed;
}

/** A group's frozen figures and whom they were computed from. */
export interface GroupSnapshot {
	members: Membership;
	areas: AreaFigures[];
	/** This or an earlier snapshot of the group published a figure (rule 4). */
	everPublished: boolean;
}

/**
 * Whether the group's snapshot must be recomputed for the live membership (rule 4). `restSize`: for a
 * band group, how many municipalities the rest of its kind holds now — a band group that never
 * published can become publishable because the rest grew, without any change among its own members.
 */
export function needsRefresh(snapshot: GroupSnapshot | undefined, live: Membership, restSize?: number): boolean {
	if (!snapshot) return true;
	if (!snapshot.everPublished) {
		const couldPublish = live.size >= MIN_GROUP && (restSize === undefined || restSize >= MIN_GROUP);
		return couldPublish || changedMembers(snapshot.members, live) > 0;
	}
	return changedMembers(snapshot.members, live) >= REFRESH_AFTER_CHANGES;
}

/** The snapshot to keep: the previous one, or a new one computed from the live members. */
export function nextSnapshot(
	previous: GroupSnapshot | undefined,
	live: readonly Member[],
	areas: readonly number[],
	rest?: readonly Member[]
): GroupSnapshot {
	const membership = new Map(live.map((m) => [m.municipalityId, m.assessmentId]));
	if (previous && !needsRefresh(previous, membership, rest?.length)) return previous;
	const figures = groupFigures(live, areas, rest);
	return {
		members: membership,
		areas: figures,
		everPublished: (previous?.everPublished ?? false) || figures.some((f) => f.figures !== null)
	};
}

export type Position = 'below' | 'between' | 'above';

/** Where a whole-point score lies against the group's published quartiles. */
export function positionOf(score: number, figures: Quartiles): Position {
	if (score < figures.q1) return 'below';
	if (score > figures.q3) return 'above';
	return 'between';
}

export interface ComparisonGroup {
	type: MunicipalityKind;
	/** Present when the population-band group is used. */
	band?: PopulationBand;
	/** Municipalities with a score in this area (the viewer included when it has one). */
	municipalities: number;
}

/** What a municipality sees for one area; never a name or id of another municipality. */
export type AreaComparison =
	| { area: number; tooFew: true }
	| {
			area: number;
			tooFew?: false;
			group: ComparisonGroup;
			median: number;
			q1: number;
			q3: number;
			/** The viewer's own score in whole points and its position; null score: not assessable. */
			own: { score: number | null; position: Position | null };
		};

/**
 * The viewer's comparison per area: the band group's figures where published, else the kind's,
 * else too few. `own` maps area → the viewer's unrounded score (null: not assessable).
 */
export function viewComparison(
	areas: readonly number[],
	kind: MunicipalityKind,
	band: PopulationBand | null,
	kindSnapshot: GroupSnapshot | undefined,
	bandSnapshot: GroupSnapshot | undefined,
	own: ReadonlyMap<number, number | null>
): AreaComparison[] {
	return areas.map((area) => {
		const fromBand = band ? bandSnapshot?.areas.find((a) => a.area === area && a.figures) : undefined;
		const fromKind = kindSnapshot?.areas.find((a) => a.area === area && a.figures);
		const chosen = fromBand ?? fromKind;
		if (!chosen?.figures) return { area, tooFew: true };
		const raw = own.get(area);
		const score = raw === null || raw === undefined ? null : Math.round(raw + 1e-9);
		return {
			area,
			group: { type: kind, ...(fromBand && band ? { band } : {}), municipalities: chosen.municipalities },
			...chosen.figures,
			own: { score, position: score === null ? null : positionOf(score, chosen.figures) }
		};
	});
}
