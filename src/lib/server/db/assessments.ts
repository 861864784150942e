import type { Db } from './index';
import type { Assessment, AssessmentStatus } from './schema';
import { now } from '../platform/clock';

export interface AssessmentSummary {
	id: number;
	name: string;
	createdAt: string;
	catalogueId: number;
	catalogueTitle: { de: string; en: string };
	catalogueVersion: string;
	questionCount: number;
	status: 'open' | 'closed';
}

export async function listAssessments(db: Db, municipalityId: number): Promise<AssessmentSummary[]> {
	const rows = await db
		.selectFrom('assessment')
		.innerJoin('catalogue', 'catalogue.id', 'assessment.catalogue_id')
		.select([
			'assessment.id',
			'assessment.name',
			'assessment.created_at',
			'catalogue.id as catalogueId',
			'catalogue.title_de',
			'catalogue.title_en',
			'catalogue.version',
			'catalogue.question_count',
			'assessment.status'
		])
		.where('assessment.municipality_id', '=', municipalityId)
		.orderBy('assessment.created_at', 'desc')
		.orderBy('assessment.id', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		createdAt: r.created_at,
		catalogueId: r.catalogueId,
		catalogueTitle: { de: r.title_de, en: r.title_en },
		catalogueVersion: r.version,
		questionCount: r.question_count,
		status: r.status
	}));
}

/** The assessment if it belongs to the municipality; undefined otherwise (also for another's id). */
export async function findAssessment(db: Db, municipalityId: number, id: number): Promise<Assessment | undefined> {
	return db
		.selectFrom('assessment')
		.selectAll()
		.where('id', '=', id)
		.where('municipality_id', '=', municipalityId)
		.executeTakeFirst();
}

/** Every assessment of the municipalities in which the user has an active membership, with its role. */
export async function listVisibleAssessments(db: Db, userId: number) {
	return db
		.selectFrom('assessment')
		.innerJoin('municipality', 'municipality.id', 'assessment.municipality_id')
		.innerJoin('membership', (join) =>
			join.onRef('membership.municipality_id', '=', 'assessment.municipality_id').on('membership.user_id', '=', userId)
		)
		.where('membership.active', '=', 1)
		.select(['assessment.id', 'assessment.name', 'municipality.name as municipality', 'municipality.id as municipalityId', 'membership.role', 'assessment.status'])
		.orderBy('municipality.name')
		.orderBy('assessment.created_at', 'desc')
		.execute();
}

export async function findAssessmentByName(db: Db, municipalityId: number, name: string): Promise<Assessment | undefined> {
	return db
		.selectFrom('assessment')
		.selectAll()
		.where('municipality_id', '=', municipalityId)
		.where('name', '=', name)
		.executeTakeFirst();
}

/** Creates an assessment pinned to the catalogue version it starts with. */
export async function createAssessment(
	db: Db,
	values: {
		municipalityId: number;
		name: string;
		catalogueId: number;
		createdBy: number | null;
		profile?: string | null;
		/** The round this one follows (same municipality; the caller checks). */
		previousAssessmentId?: number | null;
	}
): Promise<Assessment> {
	return db
		.insertInto('assessment')
		.values({
			municipality_id: values.municipalityId,
			name: values.name,
			catalogue_id: values.catalogueId,
			created_by: values.createdBy,
			created_at: now(),
			profile: values.profile ?? null,
			previous_assessment_id: values.previousAssessmentId ?? null
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** Every assessment of a municipality (oldest first), to follow the chain of rounds. */
export async function listRounds(db: Db, municipalityId: number): Promise<Assessment[]> {
	return db
		.selectFrom('assessment')
		.selectAll()
		.where('municipality_id', '=', municipalityId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
}

/**
 * An assessment by id alone, for callers that hold a row referring to it (a workshop's assessment)
 * or that check the municipality themselves; undefined for an unknown id.
 */
export async function findAssessmentById(db: Db, id: number): Promise<Assessment | undefined> {
	return db.selectFrom('assessment').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The assessment a row refers to (a workshop's, by foreign key): its absence is a bug. */
export async function getAssessment(db: Db, id: number): Promise<Assessment> {
	return db.selectFrom('assessment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The assessment's status as stored now (read inside the transaction that decides on it). */
export async function statusOf(db: Db, id: number): Promise<AssessmentStatus> {
	const row = await db.selectFrom('assessment').select('status').where('id', '=', id).executeTakeFirstOrThrow();
	return row.status;
}

/** The municipality's open assessments, newest first. */
export async function listOpenAssessments(db: Db, municipalityId: number): Promise<Assessment[]> {
	return db
		.selectFrom('assessment')
		.selectAll()
		.where('municipality_id', '=', municipalityId)
		.where('status', '=', 'open')
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
}

/** The catalogue version each of the given assessments is pinned to. */
export async function listCatalogueIds(db: Db, ids: readonly number[]): Promise<Pick<Assessment, 'id' | 'catalogue_id'>[]> {
	if (ids.length === 0) return [];
	return db.selectFrom('assessment').select(['id', 'catalogue_id']).where('id', 'in', ids).execute();
}

/** Links a round to the one it follows (same municipality; the caller checks). */
export async function setPrevious(db: Db, id: number, previousId: number): Promise<void> {
	await db.updateTable('assessment').set({ previous_assessment_id: previousId }).where('id', '=', id).execute();
}

/** Seeds only: dates a round into the past, so the demo's history reads like one. */
export async function backdate(db: Db, id: number, dates: { createdAt?: string; closedAt?: string }): Promise<void> {
	const changes = { ...(dates.createdAt ? { created_at: dates.createdAt } : {}), ...(dates.closedAt ? { closed_at: dates.closedAt } : {}) };
	if (Object.keys(changes).length === 0) return;
	await db.updateTable('assessment').set(changes).where('id', '=', id).execute();
}

/** Whether the municipality has closed at least one round. */
export async function hasClosedRound(db: Db, municipalityId: number): Promise<boolean> {
	const row = await db
		.selectFrom('assessment')
		.select('id')
		.where('municipality_id', '=', municipalityId)
		.where('status', '=', 'closed')
		.executeTakeFirst();
	return row !== undefined;
}
