/**
 * The browser side of the app's live streams (Server-Sent Events). One place for what every live
 * page needs: named events with JSON data, a status for "live" / "offline" lines, reconnecting with
 * backoff, and a hook to resync after a break.
 *
 * Kept free of Svelte and `$app/*`, so it runs under vitest with a fake EventSource.
 */

/** The part of the browser's EventSource this module uses (a test passes a fake). */
export interface EventSourceLike {
	onopen: ((event: Event) => void) | null;
	onerror: ((event: Event) => void) | null;
	addEventListener(type: string, listener: (event: MessageEvent) => void): void;
	close(): void;
}

/** Listeners per event name; each receives the event's data parsed from JSON. */
export type LiveHandlers<E> = { [K in keyof E]?: (data: E[K]) => void };

export interface LiveStreamOptions<E> {
	/** Listeners per event name (the server's `event:` field). */
	on: LiveHandlers<E>;
	/** The stream is open (first time and after every reconnect). */
	onOpen?: () => void;
	/** The connection broke or could not be made; a reconnect is scheduled. */
	onError?: () => void;
	/**
	 * The stream is open after an error (a break, or a first attempt that failed): events sent
	 * meanwhile are lost. Streams whose server sends the full state first need nothing here; the
	 * others reload their data.
	 */
	onReconnect?: () => void;
	/** First wait before reconnecting; it doubles after every failed attempt up to `maxDelayMs`. */
	firstDelayMs?: number;
	maxDelayMs?: number;
	/** Makes the connection (default: `new EventSource(url)`). */
	connect?: (url: string) => EventSourceLike;
	/** 0 ≤ r < 1, spreads the reconnects of many devices (default: Math.random). */
	random?: () => number;
	/** Where the browser says the network is back (`online`); default: `window` in a browser. */
	network?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

/** The server's `retry:` hint (realtime/live.ts), so the first reconnect comes when it used to. */
export const FIRST_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 30_000;

/** An open live stream; `close` ends it for good (call it when the page is destroyed). */
export interface LiveStream {
	close(): void;
}

/**
 * Opens a live stream and keeps it open until `close`.
 *
 * On an error the connection is closed and opened again after a wait: 2 s, then doubling up to
 * 30 s, each wait drawn between half and all of that so a room of phones does not come back in
 * the same millisecond after a server restart. The browser's own retry is not used: it gives up
 * for good after an HTTP error (429 when a device has too many streams, 502 while a proxy waits
 * for a restarting app) and never backs off. A successful open resets the wait; when the browser
 * reports that the network is back, a pending reconnect happens at once.
 */
export function openLiveStream<E extends Record<string, unknown> = Record<string, any>>(
	url: string,
	options: LiveStreamOptions<E>
): LiveStream {
	const {
		on,
		onOpen,
		onError,
		onReconnect,
		firstDelayMs = FIRST_DELAY_MS,
		maxDelayMs = MAX_DELAY_MS,
		connect = (target: string) => new EventSource(target),
		random = Math.random,
		network = typeof window === 'undefined' ? undefined : window
	} = options;
	let source: EventSourceLike | null = null;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let failures = 0;
	// An error came since the last open: the next open is a reconnect.
	let broken = false;
	let closed = false;

	const open = () => {
		timer = undefined;
		const current = connect(url);
		source = current;
		current.onopen = () => {
			if (current !== source) return;
			failures = 0;
			const again = broken;
			broken = false;
			onOpen?.();
			if (again) onReconnect?.();
		};
		current.onerror = () => {
			if (current !== source) return;
			current.close();
			source = null;
			broken = true;
			onError?.();
			const ceiling = Math.min(maxDelayMs, firstDelayMs * 2 ** failures);
			failures++;
			timer = setTimeout(open, ceiling / 2 + (random() * ceiling) / 2);
		};
		for (const [type, handler] of Object.entries(on)) {
			if (!handler) continue;
			current.addEventListener(type, (event) => {
				if (current === source) (handler as (data: unknown) => void)(JSON.parse(event.data));
			});
		}
	};
	// A phone back on the network reconnects at once instead of sitting out a long backoff.
	const reconnectNow = () => {
		if (closed || timer === undefined) return;
		clearTimeout(timer);
		open();
	};
	network?.addEventListener('online', reconnectNow);
	open();

	return {
		close() {
			if (closed) return;
			closed = true;
			network?.removeEventListener('online', reconnectNow);
			clearTimeout(timer);
			source?.close();
			source = null;
		}
	};
}
