/**
 * Counts events per key over a sliding window in memory (a key is e.g. a workshop and a client
 * address; addresses are never stored anywhere else). `take` admits an event while fewer than
 * `limit` were admitted for the key within the last `windowMs`.
 */
export class SlidingWindowLimiter {
	readonly #events = new Map<string, number[]>();
	#lastPrune = 0;

	constructor(
		readonly limit: number,
		private readonly windowMs: number,
		private readonly clock: () => number = Date.now
	) {}

	/** Admits and counts one event for the key; false (and not counted) when the key is over its limit. */
	take(key: string): boolean {
		const time = this.clock();
		this.#prune(time);
		let times = this.#events.get(key);
		if (!times) this.#events.set(key, (times = []));
		while (times.length > 0 && times[0]! <= time - this.windowMs) times.shift();
		if (times.length >= this.limit) return false;
		times.push(time);
		return true;
	}

	/** How many keys are held (for tests: old keys are dropped). */
	get size(): number {
		return this.#events.size;
	}

	#prune(time: number): void {
		if (time - this.#lastPrune < this.windowMs) return;
		this.#lastPrune = time;
		for (const [key, times] of this.#events) {
			if (times.length === 0 || times[times.length - 1]! <= time - this.windowMs) this.#events.delete(key);
		}
	}
}
