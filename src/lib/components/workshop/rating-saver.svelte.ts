/** What the participant page shows under an area while its rating is being saved. */
export type RatingSaveState = 'saving' | 'saved' | 'retrying' | 'refused';

export type RatingValue = 1 | 2 | 3 | 4 | null;

const MAX_BACKOFF_MS = 15_000;

/**
 * Saves a participant's rating per area as soon as it is chosen (JSON `POST /api/w/{code}/ratings`).
 *
 * - One request per area at a time. A newer choice made while one is in flight waits and goes out
 *   when the current one returns; choices in between are dropped, so the last choice always wins
 *   and arrowing through a radio group sends at most two requests.
 * - A network error, 5xx, 408 or 429 retries with backoff (1 s, 2 s, 4 s … up to 15 s); `retryNow`
 *   sends at once (the "erneut versuchen" button, the browser coming back online).
 * - Any other 4xx is final: the state becomes 'refused' with the server's error code (e.g.
 *   `areaClosed` when the facilitator closed the area before the rating arrived).
 * - `saved` holds what the server acknowledged last, per area.
 */
export class RatingSaver {
	states: Record<number, RatingSaveState> = $state({});
	errors: Record<number, string> = $state({});
	saved: Record<number, RatingValue> = $state({});

	readonly #endpoint: string;
	readonly #pending = new Map<number, RatingValue>();
	readonly #inFlight = new Set<number>();
	readonly #attempts = new Map<number, number>();
	readonly #timers = new Map<number, ReturnType<typeof setTimeout>>();
	readonly #onSettled: () => void;

	constructor(endpoint: string, onSettled: () => void = () => {}) {
		this.#endpoint = endpoint;
		this.#onSettled = onSettled;
	}

	/** True while a request is on its way (a retry waiting for its backoff does not count). */
	get busy(): boolean {
		return this.#inFlight.size > 0;
	}

	/**
	 * Saves the area's rating; with `delayMs` it waits that long first (a newer choice for the same
	 * area restarts the wait), and the state shows 'saving' from the moment of the choice.
	 */
	save(area: number, level: RatingValue, delayMs = 0): void {
		this.#pending.set(area, level);
		delete this.errors[area];
		this.states[area] = 'saving';
		this.#clearTimer(area);
		if (delayMs > 0) this.#timers.set(area, setTimeout(() => void this.#send(area), delayMs));
		else void this.#send(area);
	}

	retryNow = (): void => {
		for (const area of this.#pending.keys()) {
			this.#clearTimer(area);
			this.#attempts.delete(area);
			void this.#send(area);
		}
	};

	/** Forgets an area's final refusal (e.g. when the area opens again). */
	clear(area: number): void {
		if (this.states[area] === 'refused') {
			delete this.states[area];
			delete this.errors[area];
		}
	}

	destroy(): void {
		for (const timer of this.#timers.values()) clearTimeout(timer);
		this.#timers.clear();
	}

	#clearTimer(area: number): void {
		const timer = this.#timers.get(area);
		if (timer !== undefined) clearTimeout(timer);
		this.#timers.delete(area);
	}

	async #send(area: number): Promise<void> {
		if (!this.#pending.has(area) || this.#inFlight.has(area)) return;
		this.#timers.delete(area);
		const level = this.#pending.get(area)!;
		this.#inFlight.add(area);
		this.states[area] = 'saving';
		let retry = false;
		try {
			const response = await fetch(this.#endpoint, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({ area, level }),
				keepalive: true
			});
			if (response.ok) {
				this.#attempts.delete(area);
				this.saved[area] = level;
				// A newer choice may have been made meanwhile; it goes out below.
				if (this.#pending.get(area) === level) this.#pending.delete(area);
				if (!this.#pending.has(area)) this.states[area] = 'saved';
			} else if (response.status >= 500 || response.status === 408 || response.status === 429) {
				retry = true;
			} else {
				const body = await response.json().catch(() => ({}));
				this.#pending.delete(area);
				this.states[area] = 'refused';
				this.errors[area] = typeof body.error === 'string' ? body.error : 'invalid';
			}
		} catch {
			retry = true;
		} finally {
			this.#inFlight.delete(area);
		}
		if (retry && this.#pending.has(area)) {
			this.states[area] = 'retrying';
			const attempt = (this.#attempts.get(area) ?? 0) + 1;
			this.#attempts.set(area, attempt);
			this.#clearTimer(area);
			this.#timers.set(
				area,
				setTimeout(() => void this.#send(area), Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt))
			);
		} else if (this.#pending.has(area) && !this.#timers.has(area)) {
			// A newer choice is waiting; unless its own delay is still running, it goes out now.
			void this.#send(area);
		}
		if (!this.busy) this.#onSettled();
	}
}
