import { sql, type SelectQueryBuilder } from 'kysely';
import { isPostgres } from '../../../../db/dialect';
import type { Db } from './index';
import type { Ballot, Database, WorkshopRow } from './schema';
import { now } from '../platform/clock';

export async function insertWorkshop(
	db: Db,
	values: {
		assessmentId: number;
		title: string;
		heldOn: string;
		code: string;
		groups: string[];
		areas: number[];
		k: number;
		rehearsal: boolean;
		createdBy: number;
		languages?: readonly string[];
	}
): Promise<WorkshopRow | undefined> {
	// A taken code inserts nothing (instead of failing, which on PostgreSQL would abort the whole
	// transaction): the caller draws another. The unique index decides, also between instances.
	const workshop = await db
		.insertInto('workshop')
		.values({
			assessment_id: values.assessmentId,
			title: values.title,
			held_on: values.heldOn,
			code: values.code,
			stakeholder_groups: JSON.stringify(values.groups),
			areas: JSON.stringify(values.areas),
			k: values.k,
			rehearsal: values.rehearsal ? 1 : 0,
			...(values.languages ? { languages: JSON.stringify(values.languages) } : {}),
			created_by: values.createdBy,
			created_at: now()
		})
		.onConflict((oc) => oc.column('code').doNothing())
		.returningAll()
		.executeTakeFirst();
	if (!workshop) return undefined;
	await db
		.insertInto('workshop_area')
		.values(values.areas.map((area) => ({ workshop_id: workshop.id, area, is_open: 0 })))
		.execute();
	return workshop;
}

export async function findWorkshop(db: Db, id: number): Promise<WorkshopRow | undefined> {
	return db.selectFrom('workshop').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A workshop by id alone, with its assessment's municipality (for an access check by the caller). */
export async function findWorkshopWithMunicipality(db: Db, id: number): Promise<(WorkshopRow & { municipalityId: number }) | undefined> {
	return db
		.selectFrom('workshop')
		.innerJoin('assessment', 'assessment.id', 'workshop.assessment_id')
		.selectAll('workshop')
		.select('assessment.municipality_id as municipalityId')
		.where('workshop.id', '=', id)
		.executeTakeFirst();
}

/** The workshop if it belongs to the municipality (through its assessment), with the assessment's name. */
export async function findWorkshopOfMunicipality(
	db: Db,
	municipalityId: number,
	id: number
): Promise<(WorkshopRow & { assessmentName: string }) | undefined> {
	return db
		.selectFrom('workshop')
		.innerJoin('assessment', 'assessment.id', 'workshop.assessment_id')
		.selectAll('workshop')
		.select(['assessment.name as assessmentName'])
		.where('workshop.id', '=', id)
		.where('assessment.municipality_id', '=', municipalityId)
		.executeTakeFirst();
}

/** The workshop a stream or change refers to (by id it was just given): its absence is a bug. */
export async function getWorkshop(db: Db, id: number): Promise<WorkshopRow> {
	return db.selectFrom('workshop').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The workshop behind a join code; none for a deactivated municipality's workshops (they answer like unknown codes). */
export async function findWorkshopByCode(db: Db, code: string): Promise<WorkshopRow | undefined> {
	return db
		.selectFrom('workshop')
		.innerJoin('assessment', 'assessment.id', 'workshop.assessment_id')
		.innerJoin('municipality', 'municipality.id', 'assessment.municipality_id')
		.selectAll('workshop')
		.where('workshop.code', '=', code)
		.where('municipality.deactivated_at', 'is', null)
		.executeTakeFirst();
}

/** An assessment's workshops, the latest by date first (then the latest created). */
export async function listWorkshops(db: Db, assessmentId: number): Promise<WorkshopRow[]> {
	return db
		.selectFrom('workshop')
		.selectAll()
		.where('assessment_id', '=', assessmentId)
		.orderBy('held_on', 'desc')
		.orderBy('id', 'desc')
		.execute();
}

export async function setWorkshopFlags(db: Db, workshopId: number, flags: { rehearsal?: boolean; archived?: boolean }): Promise<void> {
	const changes: { rehearsal?: number; archived_at?: string | null } = {};
	if (flags.rehearsal !== undefined) changes.rehearsal = flags.rehearsal ? 1 : 0;
	if (flags.archived !== undefined) changes.archived_at = flags.archived ? now() : null;
	if (Object.keys(changes).length === 0) return;
	await db.updateTable('workshop').set(changes).where('id', '=', workshopId).execute();
}

export async function openAreas(db: Db, workshopId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('workshop_area')
		.select('area')
		.where('workshop_id', '=', workshopId)
		.where('is_open', '=', 1)
		.orderBy('area')
		.execute();
	return rows.map((r) => r.area);
}

export async function setAreasOpen(db: Db, workshopId: number, areas: number[], open: boolean): Promise<void> {
	if (areas.length === 0) return;
	await db
		.updateTable('workshop_area')
		.set({ is_open: open ? 1 : 0 })
		.where('workshop_id', '=', workshopId)
		.where('area', 'in', areas)
		.execute();
}

export async function endWorkshop(db: Db, workshopId: number): Promise<void> {
	await db.updateTable('workshop').set({ status: 'ended', ended_at: now() }).where('id', '=', workshopId).execute();
	await db.updateTable('workshop_area').set({ is_open: 0 }).where('workshop_id', '=', workshopId).execute();
}

export async function findBallotByToken(db: Db, workshopId: number, tokenHash: string): Promise<Ballot | undefined> {
	return db
		.selectFrom('ballot')
		.selectAll()
		.where('workshop_id', '=', workshopId)
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
}

export async function insertBallot(
	db: Db,
	values: { workshopId: number; tokenHash: string | null; group: string | null; paper: boolean }
): Promise<Ballot> {
	return db
		.insertInto('ballot')
		.values({
			workshop_id: values.workshopId,
			token_hash: values.tokenHash,
			stakeholder_group: values.group,
			paper: values.paper ? 1 : 0,
			created_at: now()
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function setBallotGroup(db: Db, ballotId: number, group: string | null): Promise<void> {
	await db.updateTable('ballot').set({ stakeholder_group: group }).where('id', '=', ballotId).execute();
}

/** Stores or replaces a ballot's rating of an area; true when it is the ballot's first rating of it. */
export async function upsertRating(db: Db, values: { ballotId: number; workshopId: number; area: number; level: number | null }): Promise<boolean> {
	const updated_at = now();
	const inserted = await db
		.insertInto('rating')
		.values({ ballot_id: values.ballotId, workshop_id: values.workshopId, area: values.area, level: values.level, updated_at })
		.onConflict((oc) => oc.columns(['ballot_id', 'area']).doNothing())
		.executeTakeFirst();
	if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;
	await db
		.updateTable('rating')
		.set({ level: values.level, updated_at })
		.where('ballot_id', '=', values.ballotId)
		.where('area', '=', values.area)
		.execute();
	return false;
}

/** A ballot's ratings; none while the ballot is voided. */
export async function ratingsOf(db: Db, ballotId: number): Promise<{ area: number; level: number | null }[]> {
	return db
		.selectFrom('rating')
		.innerJoin('ballot', 'ballot.id', 'rating.ballot_id')
		.select(['rating.area', 'rating.level'])
		.where('rating.ballot_id', '=', ballotId)
		.where('ballot.void_id', 'is', null)
		.execute();
}

export interface WorkshopCounts {
	joined: number;
	ratings: number;
	perArea: Record<number, number>;
}

/** How many (not voided) ballots there are and how many ratings per area, for the live screens. */
export async function counts(db: Db, workshopId: number): Promise<WorkshopCounts> {
	const [ballots, perArea] = await Promise.all([
		db
			.selectFrom('ballot')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('workshop_id', '=', workshopId)
			.where('void_id', 'is', null)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('rating')
			.innerJoin('ballot', 'ballot.id', 'rating.ballot_id')
			.select(['rating.area', sql<number>`count(*)`.as('n')])
			.where('rating.workshop_id', '=', workshopId)
			.where('ballot.void_id', 'is', null)
			.groupBy('rating.area')
			.execute()
	]);
	const byArea = Object.fromEntries(perArea.map((r) => [r.area, Number(r.n)]));
	return {
		joined: Number(ballots.n),
		ratings: perArea.reduce((sum, r) => sum + Number(r.n), 0),
		perArea: byArea
	};
}

/** Every rating of a ballot that counts (not voided) with its ballot's group and kind, for results and exports. */
export async function listRatings(db: Db, workshopId: number) {
	return db
		.selectFrom('rating')
		.innerJoin('ballot', 'ballot.id', 'rating.ballot_id')
		.select(['rating.area', 'rating.level', 'rating.updated_at as updatedAt', 'ballot.stakeholder_group as group', 'ballot.paper'])
		.where('rating.workshop_id', '=', workshopId)
		.where('ballot.void_id', 'is', null)
		.execute();
}

/** The ballots that count (not voided), with group and kind, for participant counts. */
export async function listBallots(db: Db, workshopId: number): Promise<{ group: string | null; paper: number }[]> {
	return db
		.selectFrom('ballot')
		.select(['stakeholder_group as group', 'paper'])
		.where('workshop_id', '=', workshopId)
		.where('void_id', 'is', null)
		.execute();
}

/** The start of the minute an ISO timestamp falls in, as ISO text (UTC). */
export function minuteOf(iso: string): string {
	return `${iso.slice(0, 16)}:00.000Z`;
}

const MINUTE_MS = 60_000;

export interface JoinMinute {
	/** The minute's start, ISO-8601 UTC. */
	minute: string;
	/** New device ballots created in this minute. */
	ballots: number;
	/** How many of them are voided. */
	voided: number;
}

/**
 * New device ballots per minute since `since` (paper ballots are typed in by the facilitator and
 * not counted here). Minutes without a ballot are left out.
 */
export async function joinsPerMinute(db: Db, workshopId: number, since: string): Promise<JoinMinute[]> {
	const rows = await db
		.selectFrom('ballot')
		.select([
			sql<string>`substr(created_at, 1, 16)`.as('minute'),
			sql<number>`count(*)`.as('ballots'),
			sql<number>`count(void_id)`.as('voided')
		])
		.where('workshop_id', '=', workshopId)
		.where('paper', '=', 0)
		.where('created_at', '>=', since)
		.groupBy(sql`substr(created_at, 1, 16)`)
		.orderBy('minute')
		.execute();
	return rows.map((r) => ({ minute: `${r.minute}:00.000Z`, ballots: Number(r.ballots), voided: Number(r.voided) }));
}

/**
 * Voids every device ballot of the workshop created in the minute starting at `minute` that is
 * not voided yet, and records who did it and how many. Returns the void's id and count.
 */
export async function voidMinute(
	db: Db,
	values: { workshopId: number; minute: string; userId: number }
): Promise<{ id: number; count: number }> {
	const end = new Date(Date.parse(values.minute) + MINUTE_MS).toISOString();
	const inMinute = () =>
		db
			.selectFrom('ballot')
			.select('id')
			.where('workshop_id', '=', values.workshopId)
			.where('paper', '=', 0)
			.where('void_id', 'is', null)
			.where('created_at', '>=', values.minute)
			.where('created_at', '<', end);
	const record = await db
		.insertInto('ballot_void')
		.values({ workshop_id: values.workshopId, minute: values.minute, ballot_count: 0, voided_by: values.userId, voided_at: now() })
		.returning('id')
		.executeTakeFirstOrThrow();
	const updated = await db.updateTable('ballot').set({ void_id: record.id }).where('id', 'in', inMinute()).executeTakeFirst();
	const count = Number(updated.numUpdatedRows);
	await db.updateTable('ballot_void').set({ ballot_count: count }).where('id', '=', record.id).execute();
	return { id: record.id, count };
}

/** Undoes a void: its ballots count again. False when there is no such void still standing. */
export async function undoVoid(db: Db, values: { workshopId: number; voidId: number; userId: number }): Promise<boolean> {
	const result = await db
		.updateTable('ballot_void')
		.set({ undone_by: values.userId, undone_at: now() })
		.where('id', '=', values.voidId)
		.where('workshop_id', '=', values.workshopId)
		.where('undone_at', 'is', null)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 0) return false;
	await db.updateTable('ballot').set({ void_id: null }).where('void_id', '=', values.voidId).execute();
	return true;
}

/** The workshop's voids, newest first, with the names of who voided and who undid them. */
export async function listVoids(db: Db, workshopId: number) {
	return db
		.selectFrom('ballot_void')
		.leftJoin('user as voider', 'voider.id', 'ballot_void.voided_by')
		.leftJoin('user as undoer', 'undoer.id', 'ballot_void.undone_by')
		.select([
			'ballot_void.id',
			'ballot_void.minute',
			'ballot_void.ballot_count as count',
			'ballot_void.voided_at as voidedAt',
			'ballot_void.undone_at as undoneAt',
			'voider.name as voidedBy',
			'undoer.name as undoneBy'
		])
		.where('ballot_void.workshop_id', '=', workshopId)
		.orderBy('ballot_void.id', 'desc')
		.execute();
}

/** How many paper ballots the facilitator typed in (voided ones included). */
export async function countPaperBallots(db: Db, workshopId: number): Promise<number> {
	const row = await db
		.selectFrom('ballot')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('workshop_id', '=', workshopId)
		.where('paper', '=', 1)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
