import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './index';

/*
 * Attempt limits shared by every instance on one database. Each change is one atomic statement
 * (a conditional update, or an insert … on conflict do update … where … returning), so parallel
 * attempts on several instances can never count past the limit. Dialect-neutral: SQLite and
 * PostgreSQL both take these statements.
 */

/** Epoch milliseconds as a bigint parameter (PostgreSQL would otherwise infer int4 beside a literal). */
const ms = (value: number) => sql<number>`cast(${value} as bigint)`;

const toNumber = (value: number | string | bigint): number => Number(value);

/** The secret keys are hashed with: made by the first instance, read by all. */
export async function sharedSecret(db: Db, name = 'limits'): Promise<string> {
	await db
		.insertInto('shared_secret')
		.values({ name, value: randomBytes(32).toString('base64url') })
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	return (await db.selectFrom('shared_secret').select('value').where('name', '=', name).executeTakeFirstOrThrow()).value;
}

export interface AttemptLimit {
	name: string;
	maxAttempts: number;
	lockMs: number;
}

/**
 * Counts one attempt unless the key is locked: 0 when reserved, else the milliseconds until the key
 * may try again. Reaching the limit with this attempt locks the key for `lockMs`. Same rules as
 * MemoryThrottle: attempts older than one lock period no longer count once no lock runs.
 */
export async function reserveAttempt(db: Db, limit: AttemptLimit, keyHash: string, now: number): Promise<number> {
	const { name, maxAttempts, lockMs } = limit;
	for (let round = 0; round < 3; round++) {
		// Within a running window and not locked: count it, lock when this attempt reaches the limit.
		const counted = await db
			.updateTable('shared_limit')
			.set((eb) => ({
				count: eb('count', '+', 1),
				locked_until: sql<number>`case when ${eb.ref('count')} + 1 >= ${maxAttempts} then ${ms(now + lockMs)} else ${ms(0)} end`
			}))
			.where('name', '=', name)
			.where('key_hash', '=', keyHash)
			.where('locked_until', '<=', now)
			.where('count', '<', maxAttempts)
			.where('window_start', '>', now - lockMs)
			.returning('count')
			.executeTakeFirst();
		if (counted) return 0;
		// No row, or its window or lock ran out: start a fresh window with this attempt.
		const fresh = await db
			.insertInto('shared_limit')
			.values({ name, key_hash: keyHash, count: 1, window_start: now, locked_until: maxAttempts <= 1 ? now + lockMs : 0 })
			.onConflict((oc) =>
				oc
					.columns(['name', 'key_hash'])
					.doUpdateSet((eb) => ({
						count: 1,
						window_start: eb.ref('excluded.window_start'),
						locked_until: eb.ref('excluded.locked_until')
					}))
					.where(sql.ref('shared_limit.locked_until'), '<=', now)
					.where((eb) =>
						eb.or([
							eb(sql.ref('shared_limit.count'), '>=', maxAttempts),
							eb(sql.ref('shared_limit.window_start'), '<=', now - lockMs)
						])
					)
			)
			.returning('count')
			.executeTakeFirst();
		if (fresh) return 0;
		const wait = await retryAfter(db, name, keyHash, now);
		if (wait > 0) return wait;
		// Another instance started the window between the two statements: count in it.
	}
	return 1000;
}

/** Gives one reserved attempt back; below the limit again means no lock. */
export async function releaseAttempt(db: Db, limit: AttemptLimit, keyHash: string): Promise<void> {
	await db
		.updateTable('shared_limit')
		.set((eb) => ({
			count: eb('count', '-', 1),
			locked_until: sql<number>`case when ${eb.ref('count')} - 1 < ${limit.maxAttempts} then ${ms(0)} else ${eb.ref('locked_until')} end`
		}))
		.where('name', '=', limit.name)
		.where('key_hash', '=', keyHash)
		.where('count', '>', 0)
		.execute();
}

export async function resetAttempts(db: Db, name: string, keyHash: string): Promise<void> {
	await db.deleteFrom('shared_limit').where('name', '=', name).where('key_hash', '=', keyHash).execute();
}

/** Milliseconds until the key may try again; 0 when not locked. */
export async function retryAfter(db: Db, name: string, keyHash: string, now: number): Promise<number> {
	const row = await db
		.selectFrom('shared_limit')
		.select('locked_until')
		.where('name', '=', name)
		.where('key_hash', '=', keyHash)
		.executeTakeFirst();
	const until = row ? toNumber(row.locked_until) : 0;
	return until > now ? until - now : 0;
}

/**
 * Admits one event for the key while fewer than `limit` were admitted in the current window of
 * `windowMs` (a fixed window from the key's first event: at a window's edge up to twice the limit
 * can pass within `windowMs`, never more). One atomic upsert.
 */
export async function takeInWindow(
	db: Db,
	window: { name: string; limit: number; windowMs: number },
	keyHash: string,
	now: number
): Promise<boolean> {
	const expired = now - window.windowMs;
	const row = await db
		.insertInto('shared_limit')
		.values({ name: window.name, key_hash: keyHash, count: 1, window_start: now, locked_until: 0 })
		.onConflict((oc) =>
			oc
				.columns(['name', 'key_hash'])
				.doUpdateSet({
					count: sql<number>`case when ${sql.ref('shared_limit.window_start')} <= ${ms(expired)} then 1 else ${sql.ref('shared_limit.count')} + 1 end`,
					window_start: sql<number>`case when ${sql.ref('shared_limit.window_start')} <= ${ms(expired)} then ${ms(now)} else ${sql.ref('shared_limit.window_start')} end`
				})
				.where((eb) =>
					eb.or([eb(sql.ref('shared_limit.window_start'), '<=', expired), eb(sql.ref('shared_limit.count'), '<', window.limit)])
				)
		)
		.returning('count')
		.executeTakeFirst();
	return row !== undefined;
}

/** Deletes a limit's rows whose window and lock ran out before `before`. */
export async function pruneLimits(db: Db, name: string, before: number): Promise<void> {
	await db
		.deleteFrom('shared_limit')
		.where('name', '=', name)
		.where('window_start', '<=', before)
		.where('locked_until', '<=', before)
		.execute();
}
