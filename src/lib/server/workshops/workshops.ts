import { createHash, randomBytes, randomInt } from 'node:crypto';
import { refuseRating, type RatingLevel } from '$lib/domain/ballot';
import { generateJoinCode } from '$lib/domain/joincode';
import { DEFAULT_STAKEHOLDER_GROUPS } from '$lib/schemas/forms';
import { PARTICIPANT_LANGUAGES, type ParticipantLanguage } from '$lib/i18n/participant/languages';
import type { Db } from '../db';
import type { Assessment, WorkshopRow } from '../db/schema';
import * as assessments from '../db/assessments';
import * as store from '../db/workshops';
import type { Catalogue } from '$lib/schemas/catalogue';
import { catalogueOf } from '../catalogues/versions';
import { lockWorkshop } from '../db/locks';
import { clock } from '../platform/clock';
import { commitRating } from './rating-commit';
import { Refusal } from '../http/refusal';
import { buildState, liveCounts, nextRatingSeq, publishFact, type WorkshopState } from './feed';

export { channelOf, subscribeLive, type LiveEvent, type WorkshopState } from './feed';

export const DEFAULT_GROUPS = DEFAULT_STAKEHOLDER_GROUPS;
export const DEFAULT_K = 5;

export function parseWorkshop(row: WorkshopRow) {
	return {
		...row,
		groups: JSON.parse(row.stakeholder_groups) as string[],
		areaList: JSON.parse(row.areas) as number[],
		languages: offeredLanguages(row)
	};
}
export type Workshop = ReturnType<typeof parseWorkshop>;

/** The participant languages a workshop offers, in the app's order; unknown codes are left out. */
export function offeredLanguages(row: Pick<WorkshopRow, 'languages'>): ParticipantLanguage[] {
	const stored: unknown = JSON.parse(row.languages);
	const codes = Array.isArray(stored) ? stored : [];
	const offered = PARTICIPANT_LANGUAGES.filter((lang) => codes.includes(lang));
	return offered.length > 0 ? offered : [...PARTICIPANT_LANGUAGES];
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export const ballotCookie = (workshopId: number) => `ballot_${workshopId}`;

/** The workshop's state with its live counts (workshop-feed.ts: from the store, moved by the bus). */
export async function workshopState(db: Db, workshop: WorkshopRow): Promise<WorkshopState> {
	return buildState(db, workshop, await liveCounts(db, workshop.id));
}

/** Tells every instance that the workshop changed: its live streams read it again and get the full state. */
function publishChanged(workshopId: number): void {
	publishFact(workshopId, { t: 'changed' });
}

export interface WorkshopSettings {
	title: string;
	heldOn: string;
	areas: number[];
	groups: string[];
	k: number;
	rehearsal?: boolean;
	/** Participant language codes; all eight when not given. */
	languages?: readonly string[];
}

/**
 * Creates a workshop with a fresh join code; all areas start closed. `random` is the source of
 * the code's characters (crypto by default; tests pass their own to force collisions).
 */
export async function createWorkshop(
	db: Db,
	assessment: Assessment,
	createdBy: number,
	settings: WorkshopSettings,
	random: (n: number) => number = randomInt
): Promise<WorkshopRow> {
	return db.transaction().execute(async (trx) => {
		// 31^6 ≈ 887 million codes: a collision is rare, and the unique index settles it (across
		// instances too): a taken code inserts nothing and the next one is drawn.
		for (let attempt = 0; attempt < 20; attempt++) {
			const code = generateJoinCode(random);
			const row = await store.insertWorkshop(trx, { assessmentId: assessment.id, createdBy, code, ...settings, rehearsal: settings.rehearsal ?? false });
			if (row) return row;
		}
		throw new Error('Could not find a free join code');
	});
}

/** Opens or closes areas for rating; an ended workshop never changes again. */
export async function setAreas(db: Db, workshopId: number, areas: number[], open: boolean): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await lockWorkshop(trx, workshopId, 'update');
		const row = await store.findWorkshop(trx, workshopId);
		if (!row) throw new Refusal('notFound', 404);
		if (row.status === 'ended') throw new Refusal('workshopEnded', 409);
		const rated = JSON.parse(row.areas) as number[];
		if (areas.some((a) => !rated.includes(a))) throw new Refusal('unknownArea', 422);
		await store.setAreasOpen(trx, workshopId, areas, open);
	});
	publishChanged(workshopId);
}

/**
 * Marks an assessment's workshop as rehearsal (or not) and archives it (or brings it back). Both
 * only change which workshop results, report and exports use by default; no rating changes.
 */
export async function setWorkshopFlags(db: Db, assessmentId: number, workshopId: number, flags: { rehearsal?: boolean; archived?: boolean }): Promise<void> {
	const row = await store.findWorkshop(db, workshopId);
	if (!row || row.assessment_id !== assessmentId) throw new Refusal('notFound', 404);
	await store.setWorkshopFlags(db, workshopId, flags);
}

export async function endWorkshop(db: Db, workshopId: number): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await lockWorkshop(trx, workshopId, 'update');
		const row = await store.findWorkshop(trx, workshopId);
		if (!row) throw new Refusal('notFound', 404);
		if (row.status === 'ended') throw new Refusal('workshopEnded', 409);
		await store.endWorkshop(trx, workshopId);
	});
	publishChanged(workshopId);
}

/**
 * Joins a device to a workshop or changes its stakeholder group. Returns the device's token
 * (the existing one, or a new one for the cookie). Only the token's hash is stored. `admit` is
 * asked only before a new ballot is created (the per-address limit); a device that already has a
 * ballot always passes.
 */
/** Admits a new ballot in the join's transaction (the per-address limit); see `join`. */
export type Admission = (trx: Db) => boolean | Promise<boolean>;

export async function join(
	db: Db,
	workshop: WorkshopRow,
	token: string | undefined,
	group: string | null,
	admit: Admission = () => true
): Promise<string> {
	const groups = JSON.parse(workshop.stakeholder_groups) as string[];
	if (group !== null && !groups.includes(group)) throw new Refusal('invalidGroup', 422);
	const result = await db.transaction().execute(async (trx) => {
		await lockWorkshop(trx, workshop.id, 'share');
		const current = await store.findWorkshop(trx, workshop.id);
		if (!current || current.status === 'ended') throw new Refusal('workshopEnded', 409);
		const existing = token ? await store.findBallotByToken(trx, workshop.id, hashToken(token)) : undefined;
		if (existing && token) {
			await store.setBallotGroup(trx, existing.id, group);
			return { token, isNew: false };
		}
		if (!(await admit(trx))) throw new Refusal('tooManyBallots', 429);
		const fresh = randomBytes(24).toString('base64url');
		await store.insertBallot(trx, { workshopId: workshop.id, tokenHash: hashToken(fresh), group, paper: false });
		return { token: fresh, isNew: true };
	});
	if (result.isNew) publishFact(workshop.id, { t: 'joined' });
	return result.token;
}

/** The device's ballot, if it has joined. */
export async function ballotOf(db: Db, workshopId: number, token: string | undefined) {
	return token ? store.findBallotByToken(db, workshopId, hashToken(token)) : undefined;
}

/**
 * Stores a device's rating of an area (replacing an earlier one). Committed before it returns
 * (together with ratings arriving at the same moment: see `rating-commit.ts`); the returned
 * sequence number is the one the live event carries.
 */
export async function rate(db: Db, workshopId: number, token: string | undefined, area: number, level: RatingLevel): Promise<number> {
	if (!(level === null || [1, 2, 3, 4].includes(level))) throw new Refusal('invalidLevel', 422);
	const outcome = token ? await commitRating(db, { workshopId, tokenHash: hashToken(token), area, level }) : undefined;
	if (!outcome?.stored) throw await whyRefused(db, workshopId, token, area, level);
	// A voided ballot's ratings count nowhere, so they do not move the live counts either.
	const seq = nextRatingSeq();
	publishFact(workshopId, { t: 'rating', seq, area, counted: outcome.counted ? 1 : 0 });
	return seq;
}

/** Why a rating was not stored (read after the fact; the write itself checked atomically). */
async function whyRefused(db: Db, workshopId: number, token: string | undefined, area: number, level: RatingLevel): Promise<Refusal> {
	const row = await store.findWorkshop(db, workshopId);
	if (!row) return new Refusal('notFound', 404);
	const ballot = token ? await store.findBallotByToken(db, workshopId, hashToken(token)) : undefined;
	if (!ballot) return new Refusal('notJoined', 403);
	const refusal = refuseRating(
		{ status: row.status, areas: JSON.parse(row.areas) as number[], openAreas: await store.openAreas(db, workshopId) },
		area,
		level
	);
	// The area may have reopened since; "closed" is still what happened to this rating.
	const code = refusal ?? 'areaClosed';
	return new Refusal(code, code === 'invalidLevel' || code === 'unknownArea' ? 422 : 409);
}

/**
 * A paper ballot entered by the facilitator: a group and a level (or "kann ich nicht beurteilen")
 * per area. It counts like a device's ballot and is marked as paper.
 */
export async function addPaperBallot(
	db: Db,
	workshopId: number,
	group: string | null,
	levels: { area: number; level: RatingLevel }[]
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await lockWorkshop(trx, workshopId, 'share');
		const row = await store.findWorkshop(trx, workshopId);
		if (!row) throw new Refusal('notFound', 404);
		const groups = JSON.parse(row.stakeholder_groups) as string[];
		if (group !== null && !groups.includes(group)) throw new Refusal('invalidGroup', 422);
		if (levels.length === 0) throw new Refusal('emptyBallot', 422);
		const facts = { status: row.status, areas: JSON.parse(row.areas) as number[], openAreas: [] };
		for (const { area, level } of levels) {
			const refusal = refuseRating(facts, area, level, true);
			if (refusal) throw new Refusal(refusal, refusal === 'workshopEnded' ? 409 : 422);
		}
		const ballot = await store.insertBallot(trx, { workshopId, tokenHash: null, group, paper: true });
		for (const { area, level } of levels) await store.upsertRating(trx, { ballotId: ballot.id, workshopId, area, level });
	});
	publishChanged(workshopId);
}

/** The last `minutes` minutes of new device ballots, one entry per minute (oldest first). */
export async function joinRate(db: Db, workshopId: number, minutes = 15, at = clock().getTime()) {
	const last = Date.parse(store.minuteOf(new Date(at).toISOString()));
	const first = last - (minutes - 1) * 60_000;
	const rows = await store.joinsPerMinute(db, workshopId, new Date(first).toISOString());
	const byMinute = new Map(rows.map((r) => [r.minute, r]));
	return Array.from({ length: minutes }, (_, i) => {
		const minute = new Date(first + i * 60_000).toISOString();
		return byMinute.get(minute) ?? { minute, ballots: 0, voided: 0 };
	});
}

/** The workshop, locked for a change of its state; refused unless it runs. */
async function openWorkshop(db: Db, workshopId: number): Promise<WorkshopRow> {
	await lockWorkshop(db, workshopId, 'update');
	const row = await store.findWorkshop(db, workshopId);
	if (!row) throw new Refusal('notFound', 404);
	if (row.status === 'ended') throw new Refusal('workshopEnded', 409);
	return row;
}

/**
 * Voids every device ballot created in one minute (suspected ballot stuffing): their ratings count
 * nowhere until the void is undone. Recorded with who, when, which minute and how many; only while
 * the workshop runs. `minute` is any ISO time inside the minute.
 */
export async function voidBallotsOfMinute(db: Db, workshopId: number, minute: string, userId: number): Promise<number> {
	const start = Date.parse(minute);
	if (!Number.isFinite(start)) throw new Refusal('voidUnknownMinute', 422);
	const count = await db.transaction().execute(async (trx) => {
		await openWorkshop(trx, workshopId);
		const result = await store.voidMinute(trx, { workshopId, minute: store.minuteOf(new Date(start).toISOString()), userId });
		if (result.count === 0) throw new Refusal('nothingToVoid', 409);
		return result.count;
	});
	publishChanged(workshopId);
	return count;
}

/** Undoes a void while the workshop runs: its ballots count again. */
export async function undoBallotVoid(db: Db, workshopId: number, voidId: number, userId: number): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await openWorkshop(trx, workshopId);
		if (!(await store.undoVoid(trx, { workshopId, voidId, userId }))) throw new Refusal('voidUnknown', 404);
	});
	publishChanged(workshopId);
}

/** A workshop by id; undefined for an unknown one. */
export async function findWorkshop(db: Db, workshopId: number): Promise<WorkshopRow | undefined> {
	return store.findWorkshop(db, workshopId);
}

/** The workshop's live state as stored now: what a stream sends first and an area change answers with. */
export async function currentState(db: Db, workshopId: number): Promise<WorkshopState> {
	return workshopState(db, await store.getWorkshop(db, workshopId));
}

/** The catalogue version the workshop's assessment is pinned to. */
export async function workshopCatalogue(db: Db, workshop: Pick<WorkshopRow, 'assessment_id'>): Promise<Catalogue> {
	return catalogueOf(db, await assessments.getAssessment(db, workshop.assessment_id));
}

/** An assessment's workshops, the latest by date first, each with its live counts. */
export async function listWorkshops(db: Db, assessmentId: number): Promise<(WorkshopRow & store.WorkshopCounts)[]> {
	const rows = await store.listWorkshops(db, assessmentId);
	return Promise.all(rows.map(async (row) => ({ ...row, ...(await store.counts(db, row.id)) })));
}

/** How many paper ballots the facilitator typed in. */
export async function paperBallotCount(db: Db, workshopId: number): Promise<number> {
	return store.countPaperBallots(db, workshopId);
}

/** A ballot's ratings by area; none while the ballot is voided. */
export async function ratingsOfBallot(db: Db, ballotId: number): Promise<{ area: number; level: number | null }[]> {
	return store.ratingsOf(db, ballotId);
}
