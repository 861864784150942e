/**
 * Counts failed logins per key (an account's email, a client address) in memory and locks a key
 * for a while after too many failures. In memory because one process serves the app; a restart
 * forgets the counts, which only ever helps the legitimate user.
 */
export class LoginThrottle {
	readonly #failures = new Map<string, { count: number; first: number; lockedUntil: number }>();

	constructor(
		private readonly maxFailures: number,
		private readonly lockMs: number,
		private readonly clock: () => number = Date.now
	) {}

	/** Milliseconds until the key may try again; 0 when it may try now. */
	retryAfter(key: string): number {
		const entry = this.#failures.get(key);
		if (!entry) return 0;
		const wait = entry.lockedUntil - this.clock();
		return wait > 0 ? wait : 0;
	}

	recordFailure(key: string): void {
		const time = this.clock();
		const entry = this.#failures.get(key);
		// Failures older than one lock period no longer count.
		if (!entry || time - entry.first > this.lockMs) {
			this.#failures.set(key, { count: 1, first: time, lockedUntil: this.maxFailures <= 1 ? time + this.lockMs : 0 });
			this.#prune(time);
			return;
		}
		entry.count += 1;
		if (entry.count >= this.maxFailures) entry.lockedUntil = time + this.lockMs;
	}

	recordSuccess(key: string): void {
		this.#failures.delete(key);
	}

	#prune(time: number): void {
		if (this.#failures.size < 10_000) return;
		for (const [key, entry] of this.#failures) {
			if (time - entry.first > this.lockMs && entry.lockedUntil < time) this.#failures.delete(key);
		}
	}
}
