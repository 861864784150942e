import { createHmac } from 'node:crypto';
import type { Db } from '../db';
import * as limits from '../db/shared-limits';
import type { Throttle } from './throttle';

/*
 * The database-backed limits for several instances (PostgreSQL). Keys (an e-mail, a client address)
 * never reach the database: only an HMAC with a secret shared through the database, and a row is
 * deleted once its window and lock have run out. With SQLite (one process) the in-memory versions
 * serve instead: they answer without a database round trip.
 */

/** Hashes keys with the shared secret, so an address or e-mail is not stored in clear. */
export type KeyHasher = (name: string, key: string) => string;

export function keyHasher(secret: string): KeyHasher {
	return (name, key) => createHmac('sha256', secret).update(`${name}\u0000${key}`).digest('base64url').slice(0, 32);
}

const PRUNE_EVERY_MS = 60_000;

/** A `Throttle` in the shared_limit table: the same contract as MemoryThrottle, across instances. */
export class DbThrottle implements Throttle {
	readonly #limit: limits.AttemptLimit;
	#lastPrune = 0;

	constructor(
		private readonly db: Db,
		name: string,
		maxAttempts: number,
		lockMs: number,
		private readonly hash: KeyHasher,
		private readonly clock: () => number = Date.now
	) {
		this.#limit = { name, maxAttempts, lockMs };
	}

	#key(key: string): string {
		return this.hash(this.#limit.name, key);
	}

	async reserve(key: string): Promise<number> {
		const now = this.clock();
		if (now - this.#lastPrune > PRUNE_EVERY_MS) {
			this.#lastPrune = now;
			await limits.pruneLimits(this.db, this.#limit.name, now - this.#limit.lockMs);
		}
		return limits.reserveAttempt(this.db, this.#limit, this.#key(key), now);
	}

	async release(key: string): Promise<void> {
		await limits.releaseAttempt(this.db, this.#limit, this.#key(key));
	}

	async reset(key: string): Promise<void> {
		await limits.resetAttempts(this.db, this.#limit.name, this.#key(key));
	}

	async retryAfter(key: string): Promise<number> {
		return limits.retryAfter(this.db, this.#limit.name, this.#key(key), this.clock());
	}
}

/** Events per key and window in the shared_limit table (new ballots per workshop and address). */
export class DbWindowLimiter {
	#lastPrune = 0;

	constructor(
		private readonly name: string,
		readonly limit: number,
		private readonly windowMs: number,
		private readonly hash: KeyHasher,
		private readonly clock: () => number = Date.now
	) {}

	/** Admits and counts one event; false when the key is over its limit. `db` may be a transaction. */
	async take(db: Db, key: string): Promise<boolean> {
		const now = this.clock();
		if (now - this.#lastPrune > PRUNE_EVERY_MS) {
			this.#lastPrune = now;
			await limits.pruneLimits(db, this.name, now - this.windowMs);
		}
		return limits.takeInWindow(db, { name: this.name, limit: this.limit, windowMs: this.windowMs }, this.hash(this.name, key), now);
	}
}
