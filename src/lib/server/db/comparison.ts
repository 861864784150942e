import type { AreaFigures, GroupSnapshot } from '$lib/domain/comparison';
import type { Db } from './index';
import type { MunicipalityKind, PopulationBand } from './schema';
import { now } from '../platform/clock';

export interface AreaFigureRow {
	area: number;
	score: number | null;
	level: number | null;
	coverage: number;
}

/** Replaces a closed round's area figures (one row per area). */
export async function storeAreaFigures(db: Db, assessmentId: number, figures: readonly AreaFigureRow[]): Promise<void> {
	await db.deleteFrom('assessment_area_figure').where('assessment_id', '=', assessmentId).execute();
	if (figures.length === 0) return;
	await db
		.insertInto('assessment_area_figure')
		.values(figures.map((f) => ({ assessment_id: assessmentId, area: f.area, score: f.score, level: f.level, coverage: f.coverage })))
		.execute();
}

/** A reopened round no longer counts: its figures go. */
export async function deleteAreaFigures(db: Db, assessmentId: number): Promise<void> {
	await db.deleteFrom('assessment_area_figure').where('assessment_id', '=', assessmentId).execute();
}

/** Stored figures of the given assessments: assessment id → area → score (null: not assessable). */
export async function listAreaScores(db: Db, assessmentIds: readonly number[]): Promise<Map<number, Map<number, number | null>>> {
	const result = new Map<number, Map<number, number | null>>();
	// Chunked: SQLite allows a limited number of bound parameters per statement.
	for (let i = 0; i < assessmentIds.length; i += 500) {
		const rows = await db
			.selectFrom('assessment_area_figure')
			.select(['assessment_id', 'area', 'score'])
			.where('assessment_id', 'in', assessmentIds.slice(i, i + 500))
			.execute();
		for (const row of rows) {
			let areas = result.get(row.assessment_id);
			if (!areas) result.set(row.assessment_id, (areas = new Map()));
			areas.set(row.area, row.score);
		}
	}
	return result;
}

export interface LiveMember {
	municipalityId: number;
	band: PopulationBand | null;
	/** Its latest closed round. */
	assessmentId: number;
}

/**
 * Who takes part in the comparison of a kind right now: every opted-in, active municipality of that
 * kind with a closed round, with its latest closed round (by closing time, then id).
 */
export async function listLiveMembers(db: Db, kind: MunicipalityKind): Promise<LiveMember[]> {
	const rows = await db
		.selectFrom('assessment')
		.innerJoin('municipality', 'municipality.id', 'assessment.municipality_id')
		.select(['municipality.id as municipalityId', 'municipality.population_band as band', 'assessment.id as assessmentId'])
		.where('municipality.kind', '=', kind)
		.where('municipality.comparison_opt_in', '=', 1)
		.where('municipality.deactivated_at', 'is', null)
		.where('assessment.status', '=', 'closed')
		.orderBy('assessment.closed_at', 'desc')
		.orderBy('assessment.id', 'desc')
		.execute();
	const latest = new Map<number, LiveMember>();
	for (const row of rows) if (!latest.has(row.municipalityId)) latest.set(row.municipalityId, row);
	return [...latest.values()];
}

export type GroupBand = PopulationBand | 'all';

/** The stored snapshot of a group, or undefined when none was taken yet. */
export async function findSnapshot(db: Db, kind: MunicipalityKind, band: GroupBand): Promise<GroupSnapshot | undefined> {
	const snapshot = await db
		.selectFrom('comparison_snapshot')
		.select(['id', 'ever_published'])
		.where('kind', '=', kind)
		.where('band', '=', band)
		.executeTakeFirst();
	if (!snapshot) return undefined;
	const [areas, members] = await Promise.all([
		db.selectFrom('comparison_snapshot_area').selectAll().where('snapshot_id', '=', snapshot.id).orderBy('area').execute(),
		db.selectFrom('comparison_snapshot_member').select(['municipality_id', 'assessment_id']).where('snapshot_id', '=', snapshot.id).execute()
	]);
	return {
		everPublished: snapshot.ever_published === 1,
		members: new Map(members.map((m) => [m.municipality_id, m.assessment_id])),
		areas: areas.map(
			(a): AreaFigures => ({
				area: a.area,
				municipalities: a.municipalities,
				figures: a.median === null || a.q1 === null || a.q3 === null ? null : { q1: a.q1, median: a.median, q3: a.q3 }
			})
		)
	};
}

/** Replaces the group's snapshot; run it in a transaction. */
export async function replaceSnapshot(db: Db, kind: MunicipalityKind, band: GroupBand, snapshot: GroupSnapshot): Promise<void> {
	await db.deleteFrom('comparison_snapshot').where('kind', '=', kind).where('band', '=', band).execute();
	const { id } = await db
		.insertInto('comparison_snapshot')
		.values({ kind, band, taken_at: now(), ever_published: snapshot.everPublished ? 1 : 0 })
		.returning('id')
		.executeTakeFirstOrThrow();
	if (snapshot.areas.length > 0) {
		await db
			.insertInto('comparison_snapshot_area')
			.values(
				snapshot.areas.map((a) => ({
					snapshot_id: id,
					area: a.area,
					municipalities: a.municipalities,
					q1: a.figures?.q1 ?? null,
					median: a.figures?.median ?? null,
					q3: a.figures?.q3 ?? null
				}))
			)
			.execute();
	}
	const members = [...snapshot.members];
	for (let i = 0; i < members.length; i += 300) {
		await db
			.insertInto('comparison_snapshot_member')
			.values(members.slice(i, i + 300).map(([municipality, assessment]) => ({ snapshot_id: id, municipality_id: municipality, assessment_id: assessment })))
			.execute();
	}
}

export interface ComparisonProfile {
	kind: MunicipalityKind | null;
	band: PopulationBand | null;
	land: string | null;
	optedIn: boolean;
	changedAt: string | null;
	active: boolean;
}

/** What the comparison needs to know about a municipality. */
export async function findProfile(db: Db, municipalityId: number): Promise<ComparisonProfile | undefined> {
	const row = await db
		.selectFrom('municipality')
		.select(['kind', 'population_band', 'land', 'comparison_opt_in', 'comparison_changed_at', 'deactivated_at'])
		.where('id', '=', municipalityId)
		.executeTakeFirst();
	return (
		row && {
			kind: row.kind,
			band: row.population_band,
			land: row.land,
			optedIn: row.comparison_opt_in === 1,
			changedAt: row.comparison_changed_at,
			active: row.deactivated_at === null
		}
	);
}

/** Opts a municipality in or out; takes effect at once (the next comparison request reads it). */
export async function setOptIn(db: Db, municipalityId: number, optedIn: boolean): Promise<void> {
	await db
		.updateTable('municipality')
		.set({ comparison_opt_in: optedIn ? 1 : 0, comparison_changed_at: now() })
		.where('id', '=', municipalityId)
		.execute();
}
