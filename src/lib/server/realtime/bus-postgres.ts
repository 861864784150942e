import type pg from 'pg';
import { InProcessBus, type EventBus } from './live';

/*
 * The event bus over PostgreSQL LISTEN/NOTIFY, so every app instance on one database hears every
 * event. One fixed PostgreSQL channel; the logical channel (e.g. "workshop:12") travels inside the
 * JSON payload, so no channel name is ever spliced into SQL. Payloads stay small: the events are
 * ids and counts, and a payload over MAX_PAYLOAD_BYTES is replaced by its compact ("ids only, read
 * the rest") form or refused — far below PostgreSQL's 8,000-byte limit.
 *
 * Each instance holds two dedicated connections: one LISTENs, one sends the NOTIFYs (queued and
 * sent in batches, in publish order). When the listening connection drops (a database restart),
 * it reconnects with backoff; after the reconnect every subscriber's `onResync` runs, because
 * events may have been missed meanwhile.
 */

export const PG_CHANNEL = 'selbstcheck_live';
export const MAX_PAYLOAD_BYTES = 1024;
const MAX_BATCH = 200;

type Connect = () => pg.Client;

export interface PostgresBusOptions<E> {
	/** A new, unconnected client (called again for every reconnect). */
	connect: Connect;
	/** The "ids only" form of an event whose payload is too large; receivers read the rest. */
	compact?: (event: E) => E;
	/** Backoff between reconnect attempts: first and longest wait (ms). */
	backoffMs?: [number, number];
	log?: Pick<Console, 'warn' | 'error'>;
}

/** The NOTIFY payload for an event on a logical channel; throws when even the compact form is too large. */
export function encodePayload<E>(channel: string, event: E, compact?: (event: E) => E, serial = 0): string {
	// `i` makes every payload unique: PostgreSQL delivers identical payloads sent in one transaction once.
	const full = JSON.stringify({ c: channel, i: serial, e: event });
	if (Buffer.byteLength(full) <= MAX_PAYLOAD_BYTES) return full;
	if (compact) {
		const small = JSON.stringify({ c: channel, i: serial, e: compact(event) });
		if (Buffer.byteLength(small) <= MAX_PAYLOAD_BYTES) return small;
	}
	throw new Error(`live: event on ${channel.slice(0, 60)} exceeds ${MAX_PAYLOAD_BYTES} bytes`);
}

/** The logical channel and event of a payload; undefined for anything malformed. */
export function decodePayload(payload: string | undefined): { channel: string; event: unknown } | undefined {
	if (!payload) return undefined;
	try {
		const parsed: unknown = JSON.parse(payload);
		if (typeof parsed !== 'object' || parsed === null) return undefined;
		const { c, e } = parsed as { c?: unknown; e?: unknown };
		return typeof c === 'string' && e !== undefined ? { channel: c, event: e } : undefined;
	} catch {
		return undefined;
	}
}

export class PostgresBus<E> implements EventBus<E> {
	readonly #local = new InProcessBus<E>();
	readonly #options: Required<Pick<PostgresBusOptions<E>, 'backoffMs' | 'log'>> & PostgresBusOptions<E>;
	#listener: pg.Client | undefined;
	#sender: pg.Client | undefined;
	#senderReady: Promise<pg.Client> | undefined;
	#queue: string[] = [];
	#serial = 0;
	#listening = false;
	#flushing = false;
	#closed = false;
	#connectedOnce = false;
	#attempt = 0;
	#retryTimer: ReturnType<typeof setTimeout> | undefined;
	#ready: Promise<void>;
	/** Reconnects so far (for tests and the log). */
	reconnects = 0;

	constructor(options: PostgresBusOptions<E>) {
		this.#options = { backoffMs: [100, 5_000], log: console, ...options };
		this.#ready = new Promise((resolve) => {
			this.#onListening = resolve;
		});
		this.#listen();
	}

	#onListening: () => void = () => {};

	/** Resolves once the first LISTEN is in place. */
	ready(): Promise<void> {
		return this.#ready;
	}

	publish(channel: string, event: E): void {
		if (this.#closed) return;
		this.#queue.push(encodePayload(channel, event, this.#options.compact, ++this.#serial));
		void this.#flush();
	}

	subscribe(channel: string, listener: (event: E) => void, onResync?: () => void): () => void {
		return this.#local.subscribe(channel, listener, onResync);
	}

	listenerCount(channel: string): number {
		return this.#local.listenerCount(channel);
	}

	async close(): Promise<void> {
		this.#closed = true;
		clearTimeout(this.#retryTimer);
		const clients = [this.#listener, this.#sender];
		this.#listener = this.#sender = undefined;
		await Promise.all(clients.map((c) => c?.end().catch(() => {})));
	}

	#listen(): void {
		if (this.#closed) return;
		const client = this.#options.connect();
		this.#listener = client;
		let failed = false;
		const fail = (error?: Error) => {
			if (failed) return;
			failed = true;
			this.#listening = false;
			if (this.#listener === client) this.#listener = undefined;
			client.removeAllListeners('notification');
			client.end().catch(() => {});
			if (this.#closed) return;
			this.#options.log.warn(`live: LISTEN connection lost (${error?.message ?? 'closed'}); reconnecting`);
			this.#scheduleListen();
		};
		client.on('error', fail);
		client.on('end', () => fail());
		client.on('notification', (message) => {
			if (message.channel !== PG_CHANNEL) return;
			const decoded = decodePayload(message.payload);
			if (decoded) this.#local.publish(decoded.channel, decoded.event as E);
		});
		client
			.connect()
			.then(() => client.query(`LISTEN ${PG_CHANNEL}`))
			.then(() => {
				if (failed) return;
				this.#attempt = 0;
				this.#listening = true;
				if (this.#connectedOnce) {
					this.reconnects += 1;
					this.#options.log.warn('live: LISTEN connection back; open streams get the full state again');
					this.#local.resync();
				}
				this.#connectedOnce = true;
				this.#onListening();
			})
			.catch((error: Error) => fail(error));
	}

	#scheduleListen(): void {
		const [first, longest] = this.#options.backoffMs;
		const wait = Math.min(longest, first * 2 ** this.#attempt) * (0.5 + Math.random() / 2);
		this.#attempt += 1;
		clearTimeout(this.#retryTimer);
		this.#retryTimer = setTimeout(() => this.#listen(), wait);
		this.#retryTimer.unref?.();
	}

	#senderClient(): Promise<pg.Client> {
		if (!this.#senderReady) {
			const client = this.#options.connect();
			const drop = () => {
				if (this.#sender === client) this.#sender = undefined;
				this.#senderReady = undefined;
				client.end().catch(() => {});
			};
			client.on('error', drop);
			client.on('end', drop);
			this.#senderReady = client.connect().then(
				() => (this.#sender = client),
				(error: Error) => {
					drop();
					throw error;
				}
			);
		}
		return this.#senderReady;
	}

	/** Sends the queued payloads in order, up to MAX_BATCH per round trip. */
	async #flush(): Promise<void> {
		if (this.#flushing) return;
		this.#flushing = true;
		try {
			while (this.#queue.length > 0 && !this.#closed) {
				const batch = this.#queue.splice(0, MAX_BATCH);
				try {
					const client = await this.#senderClient();
					await client.query('select pg_notify($1, payload) from unnest($2::text[]) as payload', [
						PG_CHANNEL,
						batch
					]);
				} catch (error) {
					// The database is away: these events are lost for every instance; once the
					// listening connection is back, every stream gets the full state again (or now,
					// when only the sending connection broke).
					this.#options.log.error(`live: NOTIFY failed, ${batch.length} event(s) dropped: ${(error as Error).message}`);
					this.#senderReady = undefined;
					if (this.#listening) this.#local.resync();
				}
			}
		} finally {
			this.#flushing = false;
		}
	}
}
