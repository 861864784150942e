/**
 * Attempt limits (failed logins per account and per client address, wrong join codes per address).
 *
 * The contract is "reserve before you evaluate": an attempt is counted *before* the expensive or
 * revealing check runs (the password hash, the code lookup) and given back when it turned out fine.
 * So N parallel attempts can never evaluate more than the limit: the (limit+1)th reservation is
 * refused while the first ones are still hashing.
 *
 * Behind the small `Throttle` interface so another store (a database table with an atomic
 * `update … where attempts < max returning`) can replace the in-memory one without touching callers;
 * hence the methods are async although the memory store answers at once.
 */
export interface Throttle {
	/**
	 * Counts one attempt for `key` unless the key is locked. Resolves to 0 when the attempt is
	 * reserved (the caller may evaluate it), otherwise to the milliseconds until the key may try again.
	 * Reaching the limit with this attempt locks the key for the lock period.
	 */
	reserve(key: string): Promise<number>;
	/** Gives one reserved attempt back: the attempt succeeded, or it was not evaluated after all. */
	release(key: string): Promise<void>;
	/** Forgets every attempt of the key (a successful login clears the account's failures). */
	reset(key: string): Promise<void>;
	/** Milliseconds until the key may try again; 0 when it may try now. Reserves nothing. */
	retryAfter(key: string): Promise<number>;
}

/** Failed logins: per account (normalised e-mail), and per client address with a higher limit (a town hall shares one). */
export interface LoginThrottles {
	account: Throttle;
	address: Throttle;
}

/** Wrong join codes: per client address, and all addresses together per minute. */
export interface CodeThrottles {
	address: Throttle;
	global: Throttle;
}

interface Entry {
	count: number;
	first: number;
	lockedUntil: number;
}

/**
 * The in-memory store: one process serves the app; a restart forgets the counts, which only ever
 * helps the legitimate user. JavaScript runs each `reserve` to completion before the next, so the
 * check and the count are one atomic step.
 */
export class MemoryThrottle implements Throttle {
	readonly #entries = new Map<string, Entry>();

	constructor(
		private readonly maxAttempts: number,
		private readonly lockMs: number,
		private readonly clock: () => number = Date.now
	) {}

	#live(key: string, time: number): Entry | undefined {
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		// Attempts older than one lock period no longer count once no lock is running.
		if (entry.lockedUntil <= time && time - entry.first > this.lockMs) {
			this.#entries.delete(key);
			return undefined;
		}
		return entry;
	}

	reserveNow(key: string): number {
		const time = this.clock();
		const entry = this.#live(key, time);
		if (entry && entry.lockedUntil > time) return entry.lockedUntil - time;
		if (entry && entry.count >= this.maxAttempts) {
			// The lock ran out but the window did not: start a fresh window.
			this.#entries.delete(key);
		}
		const current = this.#entries.get(key);
		if (!current) {
			this.#prune(time);
			this.#entries.set(key, { count: 1, first: time, lockedUntil: this.maxAttempts <= 1 ? time + this.lockMs : 0 });
			return 0;
		}
		current.count += 1;
		if (current.count >= this.maxAttempts) current.lockedUntil = time + this.lockMs;
		return 0;
	}

	releaseNow(key: string): void {
		const entry = this.#entries.get(key);
		if (!entry) return;
		entry.count -= 1;
		if (entry.count <= 0) this.#entries.delete(key);
		else if (entry.count < this.maxAttempts) entry.lockedUntil = 0;
	}

	retryAfterNow(key: string): number {
		const time = this.clock();
		const entry = this.#live(key, time);
		return entry && entry.lockedUntil > time ? entry.lockedUntil - time : 0;
	}

	async reserve(key: string): Promise<number> {
		return this.reserveNow(key);
	}

	async release(key: string): Promise<void> {
		this.releaseNow(key);
	}

	async reset(key: string): Promise<void> {
		this.#entries.delete(key);
	}

	async retryAfter(key: string): Promise<number> {
		return this.retryAfterNow(key);
	}

	#prune(time: number): void {
		if (this.#entries.size < 10_000) return;
		for (const [key, entry] of this.#entries) {
			if (time - entry.first > this.lockMs && entry.lockedUntil < time) this.#entries.delete(key);
		}
	}
}

/**
 * Reserves one attempt on every throttle in order; all or nothing. Resolves to 0 when all are
 * reserved, otherwise to the longest wait, with the reservations already made given back.
 */
export async function reserveAll(entries: { throttle: Throttle; key: string }[]): Promise<number> {
	const done: { throttle: Throttle; key: string }[] = [];
	for (const entry of entries) {
		const wait = await entry.throttle.reserve(entry.key);
		if (wait > 0) {
			for (const d of done) await d.throttle.release(d.key);
			return wait;
		}
		done.push(entry);
	}
	return 0;
}
