import type { Db } from './index';
import { compiledWith, param } from './compiled';
import { now } from '../platform/clock';
import { isPostgres } from '../../../../db/dialect';

/** A device's rating as it arrives: the ballot is found by the hash of its cookie token. */
export interface RatingWrite {
	workshopId: number;
	tokenHash: string;
	area: number;
	level: number | null;
}

/**
 * What became of a rating: refused (no such ballot, workshop ended or area not open — nothing
 * written), or stored; `counted` when it is the ballot's first rating of the area and the ballot is
 * not voided, i.e. when it moves the live counts.
 */
export type RatingOutcome = { stored: false } | { stored: true; counted: boolean };

/** A stored rating's check: its ballot in an open workshop, the area open, and the rating it replaces. */
interface RatingTarget {
	ballotId: number;
	voidId: number | null;
	ratedArea: number | null;
}

/**
 * The statements that store a device's rating, built and compiled once for `db` (Kysely's builder
 * and compiler cost more than SQLite's own work on this path) and run in any transaction of it.
 */
export function ratingStatements(db: Db) {
	const checkQuery = db
			.selectFrom('ballot')
			.innerJoin('workshop', 'workshop.id', 'ballot.workshop_id')
			.innerJoin('workshop_area', (join) =>
				join.onRef('workshop_area.workshop_id', '=', 'ballot.workshop_id').on('workshop_area.area', '=', param<number>('area'))
			)
			.leftJoin('rating', (join) => join.onRef('rating.ballot_id', '=', 'ballot.id').on('rating.area', '=', param<number>('area')))
			.select(['ballot.id as ballotId', 'ballot.void_id as voidId', 'rating.area as ratedArea'])
			.where('ballot.workshop_id', '=', param<number>('workshopId'))
			.where('ballot.token_hash', '=', param<string>('tokenHash'))
			.where('workshop.status', '=', 'open')
			.where('workshop_area.is_open', '=', 1);
	// PostgreSQL (READ COMMITTED) reads the area as it was when the statement began; a share lock on
	// the area's row makes a close (an update of that row) wait for ratings in flight, and a rating
	// that waited for a close re-reads the row and finds it closed. SQLite's one writer needs none.
	const check = compiledWith<{ workshopId: number; tokenHash: string; area: number }, RatingTarget>(
		(isPostgres(db) ? checkQuery.forShare('workshop_area') : checkQuery).compile()
	);
	const update = compiledWith<{ ballotId: number; area: number; level: number | null; updatedAt: string }, unknown>(
		db
			.updateTable('rating')
			.set({ level: param<number | null>('level'), updated_at: param<string>('updatedAt') })
			.where('ballot_id', '=', param<number>('ballotId'))
			.where('area', '=', param<number>('area'))
			.compile()
	);
	const insert = compiledWith<{ ballotId: number; workshopId: number; area: number; level: number | null; updatedAt: string }, unknown>(
		db
			.insertInto('rating')
			.values({
				ballot_id: param<number>('ballotId'),
				workshop_id: param<number>('workshopId'),
				area: param<number>('area'),
				level: param<number | null>('level'),
				updated_at: param<string>('updatedAt')
			})
			.compile()
	);

	/**
	 * Stores or replaces a device's rating of an area if its ballot exists, the workshop is open and
	 * the area is open. Two statements: the check (which also tells insert from replace), then the
	 * write. `trx` is a transaction of `db`: the check and the write see the same state, so a rating
	 * never lands in an area whose closing committed before it.
	 */
	async function store(trx: Db, write: RatingWrite): Promise<RatingOutcome> {
		const { rows } = await trx.executeQuery(check(write));
		const target = rows[0];
		if (!target) return { stored: false };
		const values = { ballotId: target.ballotId, workshopId: write.workshopId, area: write.area, level: write.level, updatedAt: now() };
		if (target.ratedArea !== null) {
			await trx.executeQuery(update(values));
			return { stored: true, counted: false };
		}
		await trx.executeQuery(insert(values));
		return { stored: true, counted: target.voidId === null };
	}

	return {
		store,
		/** Stores several ratings in the transaction `trx`, in order; one outcome per rating. */
		async storeAll(trx: Db, writes: RatingWrite[]): Promise<RatingOutcome[]> {
			const outcomes: RatingOutcome[] = [];
			for (const write of writes) outcomes.push(await store(trx, write));
			return outcomes;
		}
	};
}
