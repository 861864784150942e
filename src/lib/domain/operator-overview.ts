/**
 * The operator's overview of all municipalities: the stage each one's current round has reached, and
 * how the list is filtered and sorted. Pure; the figures come from `db/operator.ts`. The overview
 * holds counts and dates only — never answers, comments, ratings, proposals or anyone's name.
 */
import type { LandCode, MunicipalityKind, PopulationBand } from './municipality-profile';

/** How far the current round has come, in the order a round runs through. */
export const STAGES = ['noRound', 'questionnaire', 'questionnaireClosed', 'workshopHeld', 'measures'] as const;
export type Stage = (typeof STAGES)[number];

export function isStage(value: unknown): value is Stage {
	return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/** Counts and dates of a municipality's current (newest) round. */
export interface RoundFacts {
	startedAt: string;
	/** Set when the questionnaire is closed. */
	closedAt: string | null;
	questions: number;
	/** Questions with at least one answer or an agreed answer. */
	answered: number;
	/** The latest finished workshop's date (rehearsals do not count), YYYY-MM-DD. */
	workshopHeldOn: string | null;
	/** The next open workshop's date, when none is finished yet. */
	workshopPlannedOn: string | null;
	measures: number;
}

export interface OverviewEntry {
	id: number;
	name: string;
	kind: MunicipalityKind | null;
	land: LandCode | null;
	populationBand: PopulationBand | null;
	ags: string | null;
	createdAt: string;
	deactivatedAt: string | null;
	/** How many rounds (assessments) it has run, the current one included. */
	rounds: number;
	round: RoundFacts | null;
	/** The latest write the overview knows of (round started or closed, an answer, a workshop, a measure). */
	lastActivity: string;
	stage: Stage;
}

/** The stage of a round: measures beat a held workshop, which beats a closed questionnaire. */
export function stageOf(round: RoundFacts | null): Stage {
	if (!round) return 'noRound';
	if (round.measures > 0) return 'measures';
	if (round.workshopHeldOn) return 'workshopHeld';
	if (round.closedAt) return 'questionnaireClosed';
	return 'questionnaire';
}

/** The latest of ISO timestamps (or dates); nulls are skipped. */
export function latest(...times: (string | null | undefined)[]): string {
	return times.reduce<string>((max, time) => (time && time > max ? time : max), '');
}

export const SORT_KEYS = ['name', 'land', 'stage', 'lastActivity'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface OverviewQuery {
	/** Part of the name, any case. */
	q?: string;
	land?: LandCode;
	kind?: MunicipalityKind;
	stage?: Stage;
	/** 'active' (default): without deactivated municipalities; 'deactivated': only those; 'all'. */
	status?: 'active' | 'deactivated' | 'all';
	sort?: SortKey;
}

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** Filters and sorts the overview; ties are broken by name, so the order is stable. */
export function applyOverviewQuery(entries: readonly OverviewEntry[], query: OverviewQuery): OverviewEntry[] {
	const needle = query.q?.trim().toLocaleLowerCase('de');
	const status = query.status ?? 'active';
	const kept = entries.filter(
		(e) =>
			(!needle || e.name.toLocaleLowerCase('de').includes(needle)) &&
			(!query.land || e.land === query.land) &&
			(!query.kind || e.kind === query.kind) &&
			(!query.stage || e.stage === query.stage) &&
			(status === 'all' || (status === 'deactivated') === (e.deactivatedAt !== null))
	);
	const byName = (a: OverviewEntry, b: OverviewEntry) => collator.compare(a.name, b.name);
	const compare: Record<SortKey, (a: OverviewEntry, b: OverviewEntry) => number> = {
		name: byName,
		land: (a, b) => collator.compare(a.land ?? '~', b.land ?? '~') || byName(a, b),
		stage: (a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || byName(a, b),
		// Most recent first: the operator looks for who is active, and who has gone quiet at the end.
		lastActivity: (a, b) => b.lastActivity.localeCompare(a.lastActivity) || byName(a, b)
	};
	return kept.sort(compare[query.sort ?? 'name']);
}

/** Per stage how many of the entries are in it (for the summary line above the table). */
export function stageCounts(entries: readonly OverviewEntry[]): Record<Stage, number> {
	const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
	for (const e of entries) counts[e.stage]++;
	return counts;
}
