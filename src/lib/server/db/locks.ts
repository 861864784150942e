import { sql, type SelectQueryBuilder } from 'kysely';
import { isPostgres } from '../../../../db/dialect';
import type { Db } from './index';

/*
 * Check-then-write inside a transaction is safe on SQLite: the app holds one connection and Kysely
 * runs one transaction on it at a time. On PostgreSQL a pool runs transactions side by side under
 * READ COMMITTED, so a transaction that decides on what it read must lock that row first. These
 * helpers lock on PostgreSQL and do nothing on SQLite (which has no FOR UPDATE and needs none).
 */

/**
 * Adds a row lock to a select on PostgreSQL: `update` is FOR NO KEY UPDATE (exclusive among
 * these locks, but it lets inserts that only reference the row through a foreign key go on),
 * `share` is FOR SHARE.
 */
export function locking<QB extends SelectQueryBuilder<any, any, any>>(db: Db, query: QB, mode: 'update' | 'share' = 'update'): QB {
	if (!isPostgres(db)) return query;
	return (mode === 'update' ? query.forNoKeyUpdate() : query.forShare()) as QB;
}

/**
 * Locks the workshop row until the transaction ends: `update` for changes of its state (open or
 * close areas, end it, void ballots), `share` for writes that need it to stay as read (joining,
 * paper ballots). Waiting on a lock re-reads the row, so a check after it sees the latest state.
 */
export async function lockWorkshop(trx: Db, workshopId: number, mode: 'update' | 'share'): Promise<void> {
	if (!isPostgres(trx)) return;
	await locking(trx, trx.selectFrom('workshop').select('id').where('id', '=', workshopId), mode).execute();
}

/** Locks the assessment row: every change of its questionnaire (answers, agreement, status) runs one at a time. */
export async function lockAssessment(trx: Db, assessmentId: number): Promise<void> {
	if (!isPostgres(trx)) return;
	await locking(trx, trx.selectFrom('assessment').select('id').where('id', '=', assessmentId)).execute();
}

/** Locks a row of `table` by id (a ballot, an invitation, a municipality) until the transaction ends. */
export async function lockRow(trx: Db, table: 'ballot' | 'invitation' | 'municipality', id: number): Promise<void> {
	if (!isPostgres(trx)) return;
	await locking(trx, trx.selectFrom(table).select('id').where('id', '=', id)).execute();
}

/**
 * Runs `work` while holding a PostgreSQL advisory lock (on one connection of the pool, which `work`
 * gets), so two app instances starting at once do not both seed an empty database. SQLite: runs
 * `work` as it is.
 */
export async function withAdvisoryLock<T>(db: Db, key: number, work: (db: Db) => Promise<T>): Promise<T> {
	if (!isPostgres(db)) return work(db);
	return db.connection().execute(async (connection) => {
		await sql`select pg_advisory_lock(${key})`.execute(connection);
		try {
			return await work(connection);
		} finally {
			await sql`select pg_advisory_unlock(${key})`.execute(connection);
		}
	});
}
