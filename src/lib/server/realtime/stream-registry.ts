/**
 * Counts open live streams (SSE) per key in memory: per client address and per participant's
 * ballot cookie. A stream gets a slot only when every one of its keys is below its limit; the slot
 * is released exactly once when the stream closes, whichever way it closes.
 */
export interface StreamKey {
	key: string;
	limit: number;
}

export class StreamRegistry {
	readonly #open = new Map<string, number>();

	/** A release function for the new stream's slot, or null when one of the keys is at its limit. */
	acquire(keys: StreamKey[]): (() => void) | null {
		if (keys.some(({ key, limit }) => (this.#open.get(key) ?? 0) >= limit)) return null;
		for (const { key } of keys) this.#open.set(key, (this.#open.get(key) ?? 0) + 1);
		let released = false;
		return () => {
			if (released) return;
			released = true;
			for (const { key } of keys) {
				const left = (this.#open.get(key) ?? 1) - 1;
				if (left <= 0) this.#open.delete(key);
				else this.#open.set(key, left);
			}
		};
	}

	/** Open streams under a key. */
	count(key: string): number {
		return this.#open.get(key) ?? 0;
	}

	/** Keys with at least one open stream (0 once everything closed: nothing is kept). */
	get size(): number {
		return this.#open.size;
	}
}
