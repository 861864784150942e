import { needsRefresh, nextSnapshot, viewComparison, type AreaComparison, type GroupSnapshot, type Member } from '$lib/domain/comparison';
import { scoreAssessment, type AreaScore } from '$lib/domain/scoring';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as comparison from '../db/comparison';
import * as questionnaireDb from '../db/questionnaire';
import type { Assessment, MunicipalityKind, PopulationBand } from '../db/schema';
import { catalogueOf } from '../catalogues/versions';
import { Refusal } from '../http/refusal';

/** The area scores of an assessment from its agreed answers (what a closed round is fixed at). */
async function areaScoresOf(db: Db, assessment: Pick<Assessment, 'id' | 'catalogue_id'>): Promise<AreaScore[]> {
	const catalogue = await catalogueOf(db, assessment);
	const agreed = await questionnaireDb.listAgreed(db, assessment.id);
	return scoreAssessment(catalogue, new Map(agreed.map((a) => [a.question_id, a.value])));
}

/**
 * Keeps a round's stored area figures in step with its status: written when it is closed (in the
 * closing transaction), removed when it is reopened. Only closed rounds count in the comparison.
 */
export async function recordAreaFigures(db: Db, assessment: Pick<Assessment, 'id' | 'catalogue_id'>, status: 'open' | 'closed'): Promise<void> {
	if (status === 'open') return comparison.deleteAreaFigures(db, assessment.id);
	const scores = await areaScoresOf(db, assessment);
	await comparison.storeAreaFigures(
		db,
		assessment.id,
		scores.map((s) => ({ area: s.area, score: s.score, level: s.level, coverage: s.coverage }))
	);
}

/** Area scores of the members' rounds; rounds closed before figures were stored are filled in now. */
async function membersWithScores(db: Db, live: readonly comparison.LiveMember[]): Promise<Member[]> {
	const ids = live.map((m) => m.assessmentId);
	let stored = await comparison.listAreaScores(db, ids);
	const missing = ids.filter((id) => !stored.has(id));
	if (missing.length > 0) {
		const rounds = await assessments.listCatalogueIds(db, missing);
		for (const round of rounds) await recordAreaFigures(db, round, 'closed');
		stored = await comparison.listAreaScores(db, ids);
	}
	return live.map((m) => ({ ...m, scores: stored.get(m.assessmentId) ?? new Map() }));
}

/** The group's current snapshot, recomputed (and stored) only when the snapshot rule asks for it. */
async function currentSnapshot(
	db: Db,
	kind: MunicipalityKind,
	band: PopulationBand | null,
	live: readonly comparison.LiveMember[],
	areas: readonly number[]
): Promise<GroupSnapshot> {
	const key = band ?? 'all';
	const inGroup = band ? live.filter((m) => m.band === band) : live;
	const previous = await comparison.findSnapshot(db, kind, key);
	const membership = new Map(inGroup.map((m) => [m.municipalityId, m.assessmentId]));
	// Cheap check first: most requests find the snapshot current and read no member's scores.
	if (previous && !needsRefresh(previous, membership, band ? live.length - inGroup.length : undefined)) return previous;
	const members = await membersWithScores(db, live);
	const groupMembers = members.filter((m) => membership.has(m.municipalityId));
	const rest = band ? members.filter((m) => !membership.has(m.municipalityId)) : undefined;
	const next = nextSnapshot(previous, groupMembers, areas, rest);
	try {
		await db.transaction().execute((trx) => comparison.replaceSnapshot(trx, kind, key, next));
	} catch (err) {
		// Another request stored the same group's snapshot at the same moment: use that one.
		const stored = await comparison.findSnapshot(db, kind, key);
		if (!stored) throw err;
		return stored;
	}
	return next;
}

export interface ComparisonView {
	kind: MunicipalityKind;
	band: PopulationBand | null;
	/** The viewed round is still open: its own scores are provisional. */
	provisional: boolean;
	areas: AreaComparison[];
}

/**
 * The anonymous comparison for one of a municipality's assessments. Refusals: 409
 * `comparisonNotOptedIn` (the municipality has not joined), 409 `comparisonNoKind` (its kind is not
 * described yet, so there is no group).
 */
export async function comparisonFor(db: Db, assessment: Assessment): Promise<ComparisonView> {
	const profile = await comparison.findProfile(db, assessment.municipality_id);
	if (!profile?.optedIn || !profile.active) throw new Refusal('comparisonNotOptedIn', 409);
	if (!profile.kind) throw new Refusal('comparisonNoKind', 409);
	const catalogue = await catalogueOf(db, assessment);
	const areas = catalogue.areas.map((a) => a.number).sort((a, b) => a - b);

	const live = await comparison.listLiveMembers(db, profile.kind);
	const kindSnapshot = await currentSnapshot(db, profile.kind, null, live, areas);
	const bandSnapshot = profile.band ? await currentSnapshot(db, profile.kind, profile.band, live, areas) : undefined;

	const provisional = assessment.status !== 'closed';
	let own: Map<number, number | null>;
	if (provisional) {
		own = new Map((await areaScoresOf(db, assessment)).map((s) => [s.area, s.score]));
	} else {
		const [member] = await membersWithScores(db, [{ municipalityId: assessment.municipality_id, band: profile.band, assessmentId: assessment.id }]);
		own = new Map(member!.scores);
	}
	return {
		kind: profile.kind,
		band: profile.band,
		provisional,
		areas: viewComparison(areas, profile.kind, profile.band, kindSnapshot, bandSnapshot, own)
	};
}

/** What the settings page shows: the municipality's comparison profile and whether it has a closed round to contribute. */
export async function comparisonSettings(
	db: Db,
	municipalityId: number
): Promise<{ profile: comparison.ComparisonProfile; hasClosedRound: boolean } | undefined> {
	const profile = await comparison.findProfile(db, municipalityId);
	if (!profile) return undefined;
	return { profile, hasClosedRound: await assessments.hasClosedRound(db, municipalityId) };
}

/** Opts the municipality in or out of the comparison; takes effect with the next comparison request. */
export async function setComparisonOptIn(db: Db, municipalityId: number, optedIn: boolean): Promise<void> {
	await comparison.setOptIn(db, municipalityId, optedIn);
}
