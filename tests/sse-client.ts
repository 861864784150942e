// A small Server-Sent Events reader over fetch for tests that watch live streams without a browser.

export interface SseEvent {
	event: string;
	data: unknown;
	at: number;
}

export class SseClient {
	readonly events: SseEvent[] = [];
	#abort = new AbortController();
	#closed = false;
	readonly opened: Promise<void>;

	constructor(url: string, headers: Record<string, string> = {}) {
		this.opened = this.#run(url, headers);
	}

	async #run(url: string, headers: Record<string, string>): Promise<void> {
		const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: this.#abort.signal });
		if (!response.ok || !response.body) throw new Error(`SSE ${url}: ${response.status}`);
		const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
		void (async () => {
			let buffer = '';
			try {
				for (;;) {
					const { value, done } = await reader.read();
					if (done) break;
					buffer += value;
					let end: number;
					while ((end = buffer.indexOf('\n\n')) >= 0) {
						const block = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						const event = /^event: (.*)$/m.exec(block)?.[1];
						const data = /^data: (.*)$/m.exec(block)?.[1];
						if (event && data !== undefined) this.events.push({ event, data: JSON.parse(data), at: Date.now() });
					}
				}
			} catch {
				// Closed by us or by the server.
			} finally {
				this.#closed = true;
			}
		})();
	}

	get closed(): boolean {
		return this.#closed;
	}

	/** The first event after index `from` that matches; throws after `ms`. */
	async next(match: (e: SseEvent) => boolean, ms = 5_000, from = 0): Promise<SseEvent> {
		const deadline = Date.now() + ms;
		for (;;) {
			const found = this.events.slice(from).find(match);
			if (found) return found;
			if (Date.now() > deadline) throw new Error(`no matching event within ${ms} ms; got ${JSON.stringify(this.events.slice(-5))}`);
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	}

	close(): void {
		this.#abort.abort();
	}
}
