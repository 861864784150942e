/**
 * The event bus between writes and live pages. Events are published only after the write is
 * committed. In one process (SQLite) the bus is in memory; with PostgreSQL (DATABASE_URL) it is
 * LISTEN/NOTIFY (bus-postgres.ts), so every instance hears every event.
 */
export interface EventBus<E> {
	publish(channel: string, event: E): void;
	/**
	 * Returns the function that ends the subscription. `onResync` is called when events may have
	 * been missed (the bus lost its database connection and got it back): send the full state again.
	 */
	subscribe(channel: string, listener: (event: E) => void, onResync?: () => void): () => void;
	listenerCount(channel: string): number;
}

export class InProcessBus<E> implements EventBus<E> {
	readonly #channels = new Map<string, Set<(event: E) => void>>();
	readonly #resyncs = new Set<() => void>();

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

	subscribe(channel: string, listener: (event: E) => void, onResync?: () => void): () => void {
		let listeners = this.#channels.get(channel);
		if (!listeners) this.#channels.set(channel, (listeners = new Set()));
		// A fresh function per subscription, so the same listener may subscribe twice.
		const own = (event: E) => listener(event);
		listeners.add(own);
		if (onResync) this.#resyncs.add(onResync);
		return () => {
			listeners.delete(own);
			if (onResync) this.#resyncs.delete(onResync);
			if (listeners.size === 0 && this.#channels.get(channel) === listeners) this.#channels.delete(channel);
		};
	}

	listenerCount(channel: string): number {
		return this.#channels.get(channel)?.size ?? 0;
	}

	/** Tells every subscriber to send its full state again (the transport may have missed events). */
	resync(): void {
		for (const onResync of [...this.#resyncs]) {
			try {
				onResync();
			} catch (error) {
				console.error('live: resync failed', error);
			}
		}
	}
}

/*
 * The one transport every bus of the app runs on: in-process until startApp chooses PostgreSQL.
 * The app's buses (workshop facts, small-group announcements) are views on it, so they need not
 * exist before the configuration is read.
 */
let transport: EventBus<unknown> = new InProcessBus<unknown>();

/** Sets the transport (startApp: a PostgresBus when DATABASE_URL is set); returns the previous one. */
export function useTransport(next: EventBus<unknown>): EventBus<unknown> {
	const previous = transport;
	transport = next;
	return previous;
}

/** A typed bus on the current transport (whichever it is when publishing or subscribing). */
export function transportBus<E>(): EventBus<E> {
	return {
		publish: (channel, event) => transport.publish(channel, event),
		subscribe: (channel, listener, onResync) => transport.subscribe(channel, listener as (event: unknown) => void, onResync),
		listenerCount: (channel) => transport.listenerCount(channel)
	};
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

/**
 * Starts a live stream that sends a full state first and changes after it. It subscribes before
 * reading the state, so nothing committed in between is missed, and holds back what the
 * subscription hears while the state is read: those events follow the state in their order. Sent
 * the other way round, a change (the workshop ended) could reach the page before an older state
 * read just before it, which would then overwrite it and leave the page stale.
 * Returns the unsubscribe function.
 */
export async function stateThenChanges<E>(
	subscribe: (listener: (event: E) => void) => () => void,
	sendState: () => Promise<void>,
	sendChange: (event: E) => void
): Promise<() => void> {
	let held: E[] | undefined = [];
	const unsubscribe = subscribe((event) => (held ? held.push(event) : sendChange(event)));
	try {
		await sendState();
	} catch (err) {
		unsubscribe();
		throw err;
	}
	const waiting = held;
	held = undefined;
	for (const event of waiting) sendChange(event);
	return unsubscribe;
}
