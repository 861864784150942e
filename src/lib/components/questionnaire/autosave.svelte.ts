/** What the answer page shows beside each question while it saves as you go. */
export type SaveState = 'saving' | 'saved' | 'retrying' | 'refused';

export interface AnswerPayload {
	questionId: string;
	value: string | null;
	comment: string;
	evidence: string;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * Saves answers one question at a time. Every answer waits in localStorage until the server has
 * acknowledged it, so a dropped connection or a closed tab loses nothing: requests use `keepalive`
 * (they finish after the tab closes) and whatever is still pending is sent again on the next visit.
 * Network errors and 5xx retry with backoff; a 4xx is final and shown with the server's message.
 */
export class AutoSaver {
	states: Record<string, SaveState> = $state({});
	messages: Record<string, string> = $state({});

	readonly #endpoint: string;
	readonly #storageKey: string;
	readonly #pending = new Map<string, AnswerPayload>();
	readonly #inFlight = new Set<string>();
	readonly #attempts = new Map<string, number>();
	readonly #delays = new Map<string, ReturnType<typeof setTimeout>>();

	constructor(endpoint: string, storageKey: string) {
		this.#endpoint = endpoint;
		this.#storageKey = storageKey;
	}

	/** Sends what an earlier visit could not; call once the page is mounted. */
	restore(): AnswerPayload[] {
		const stored = this.#read();
		for (const payload of stored) this.save(payload);
		window.addEventListener('online', this.#retryAll);
		return stored;
	}

	destroy(): void {
		window.removeEventListener('online', this.#retryAll);
		for (const timer of this.#delays.values()) clearTimeout(timer);
	}

	/**
	 * Saves an answer. With `delayMs` the request waits that long for a newer choice, so arrowing
	 * through the options becomes one save and one history entry; the answer is in localStorage
	 * (and shown as "saving") from the start, and "saved" appears only once the server committed it.
	 */
	save(payload: AnswerPayload, delayMs = 0): void {
		this.#pending.set(payload.questionId, payload);
		this.#write();
		clearTimeout(this.#delays.get(payload.questionId));
		this.#delays.delete(payload.questionId);
		if (delayMs > 0) {
			this.states[payload.questionId] = 'saving';
			this.#delays.set(
				payload.questionId,
				setTimeout(() => this.flush(payload.questionId), delayMs)
			);
			return;
		}
		void this.#send(payload.questionId);
	}

	/** Sends a delayed answer now, e.g. when the person leaves the question or the page. */
	flush(questionId?: string): void {
		const ids = questionId === undefined ? [...this.#delays.keys()] : [questionId];
		for (const id of ids) {
			if (!this.#delays.has(id)) continue;
			clearTimeout(this.#delays.get(id));
			this.#delays.delete(id);
			void this.#send(id);
		}
	}

	get hasPending(): boolean {
		return this.#pending.size > 0;
	}

	#retryAll = () => {
		for (const questionId of this.#pending.keys()) void this.#send(questionId);
	};

	async #send(questionId: string): Promise<void> {
		const payload = this.#pending.get(questionId);
		// One request per question at a time; the newest payload goes out when the current one returns.
		if (!payload || this.#inFlight.has(questionId)) return;
		this.#inFlight.add(questionId);
		this.states[questionId] = 'saving';
		let retry = false;
		try {
			const response = await fetch(this.#endpoint, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify(payload),
				keepalive: true
			});
			if (response.ok) {
				this.#acknowledge(payload);
			} else if (response.status >= 500 || response.status === 408 || response.status === 429) {
				retry = true;
			} else {
				const body = await response.json().catch(() => ({}));
				this.#pending.delete(questionId);
				this.#write();
				this.states[questionId] = 'refused';
				this.messages[questionId] = typeof body.message === 'string' ? body.message : String(response.status);
			}
		} catch {
			retry = true;
		} finally {
			this.#inFlight.delete(questionId);
		}
		if (retry) {
			this.states[questionId] = 'retrying';
			const attempt = (this.#attempts.get(questionId) ?? 0) + 1;
			this.#attempts.set(questionId, attempt);
			setTimeout(() => void this.#send(questionId), Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt));
		} else if (this.#pending.has(questionId) && !this.#delays.has(questionId)) {
			void this.#send(questionId);
		}
	}

	#acknowledge(sent: AnswerPayload): void {
		const latest = this.#pending.get(sent.questionId);
		this.#attempts.delete(sent.questionId);
		if (latest && JSON.stringify(latest) === JSON.stringify(sent)) {
			this.#pending.delete(sent.questionId);
			this.#write();
			this.states[sent.questionId] = 'saved';
			delete this.messages[sent.questionId];
		}
	}

	#read(): AnswerPayload[] {
		try {
			const parsed = JSON.parse(localStorage.getItem(this.#storageKey) ?? '[]');
			return Array.isArray(parsed) ? parsed : [];
		} catch {
			return [];
		}
	}

	#write(): void {
		try {
			if (this.#pending.size === 0) localStorage.removeItem(this.#storageKey);
			else localStorage.setItem(this.#storageKey, JSON.stringify([...this.#pending.values()]));
		} catch {
			// Storage full or disabled: saving still works, only the closed-tab safety net is missing.
		}
	}
}
