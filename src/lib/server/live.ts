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

/**
 * A Server-Sent Events response. `start` sends the first (full) state and subscribes; whatever it
 * returns is called when the client goes away. A comment line every 20 s keeps proxies from
 * closing idle streams.
 */
export function eventStream(
	start: (send: (event: string, data: unknown) => void) => (() => void) | Promise<() => void>
): Response {
	let cleanup: (() => void) | undefined;
	let heartbeat: ReturnType<typeof setInterval> | undefined;
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (event: string, data: unknown) => {
				try {
					controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
				} catch {
					// The stream is already closed; cancel() cleans up.
				}
			};
			controller.enqueue(encoder.encode('retry: 2000\n\n'));
			cleanup = await start(send);
			heartbeat = setInterval(() => {
				try {
					controller.enqueue(encoder.encode(': keep-alive\n\n'));
				} catch {
					clearInterval(heartbeat);
				}
			}, 20_000);
		},
		cancel() {
			clearInterval(heartbeat);
			cleanup?.();
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
