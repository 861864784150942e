/**
 * The event bus between writes and live pages. Events are published only after the write is
 * committed. In-process today; with several instances the same interface moves onto PostgreSQL
 * LISTEN/NOTIFY.
 */
export interface EventBus<E> {
	publish(channel: string, event: E): void;
	/** Returns the function that ends the subscription. */
	subscribe(channel: string, listener: (event: E) => void): () => void;
	listenerCount(channel: string): number;
}

export class InProcessBus<E> implements EventBus<E> {
	readonly #channels = new Map<string, Set<(event: E) => void>>();

	publish(channel: string, event: E): void {
		for (const listener of this.#channels.get(channel) ?? []) {
			try {
				listener(event);
			} catch (error) {
				// One broken stream must not stop the others from hearing the event.
				console.error('live: listener failed', error);
			}
		}
	}

	subscribe(channel: string, listener: (event: E) => void): () => void {
		let listeners = this.#channels.get(channel);
		if (!listeners) this.#channels.set(channel, (listeners = new Set()));
		listeners.add(listener);
		return () => {
			listeners.delete(listener);
			if (listeners.size === 0) this.#channels.delete(channel);
		};
	}

	listenerCount(channel: string): number {
		return this.#channels.get(channel)?.size ?? 0;
	}
}

const encoder = new TextEncoder();

export interface StreamOptions {
	/** Called exactly once when the stream ends, however it ends (frees the client's stream slot). */
	release?: () => void;
	/** Milliseconds between heartbeat comments (default 25 s). */
	heartbeatMs?: number;
	/** Chunks that may wait unread before the client counts as gone and the stream is closed. */
	maxBacklog?: number;
}

export const HEARTBEAT_MS = 25_000;

/**
 * A Server-Sent Events response. `start` sends the first (full) state and subscribes; whatever it
 * returns is called when the stream ends. A comment line every 25 s keeps proxies from closing
 * idle streams and finds dead ones: a write that fails, or a backlog the client never reads, closes
 * the stream. Ending runs the cleanup and `release` once, so the stream's memory and slot are freed.
 */
export function eventStream(
	start: (send: (event: string, data: unknown) => void) => (() => void) | Promise<() => void>,
	options: StreamOptions = {}
): Response {
	const { release, heartbeatMs = HEARTBEAT_MS, maxBacklog = 256 } = options;
	let cleanup: (() => void) | undefined;
	let heartbeat: ReturnType<typeof setInterval> | undefined;
	let ended = false;
	let stop: (() => void) | undefined;
	const finish = () => {
		if (ended) return;
		ended = true;
		clearInterval(heartbeat);
		try {
			cleanup?.();
		} finally {
			cleanup = undefined;
			release?.();
		}
	};
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			/** Writes a chunk; false (and the stream closed) when the client is gone or does not read. */
			const write = (text: string): boolean => {
				if (ended) return false;
				try {
					if ((controller.desiredSize ?? 0) < -maxBacklog) throw new Error('client does not read');
					controller.enqueue(encoder.encode(text));
					return true;
				} catch {
					stop?.();
					return false;
				}
			};
			stop = () => {
				finish();
				try {
					controller.close();
				} catch {
					// Already closed or cancelled.
				}
			};
			const send = (event: string, data: unknown) => void write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
			write('retry: 2000\n\n');
			try {
				const unsubscribe = await start(send);
				if (ended) unsubscribe();
				else cleanup = unsubscribe;
			} catch (error) {
				stop();
				throw error;
			}
			if (!ended) heartbeat = setInterval(() => write(': keep-alive\n\n'), heartbeatMs);
		},
		cancel() {
			finish();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-store',
			connection: 'keep-alive',
			'x-accel-buffering': 'no'
		}
	});
}
