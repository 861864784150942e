import { randomInt } from 'node:crypto';
import type { Db } from '../db';
import type { WorkshopRow } from '../db/schema';
import * as store from '../db/workshops';
import { InProcessBus, transportBus } from '../realtime/live';

/** A workshop as the live screens see it. */
export interface WorkshopState {
	id: number;
	status: 'open' | 'ended';
	areas: number[];
	openAreas: number[];
	joined: number;
	ratings: number;
	perArea: Record<number, number>;
}

/** What a live stream receives: the full state, or one change with the counts after it. */
export type LiveEvent =
	| { type: 'state'; state: WorkshopState }
	| { type: 'rating'; seq: number; area: number; joined: number; ratings: number; perArea: Record<number, number> }
	| { type: 'joined'; joined: number; ratings: number; perArea: Record<number, number> };

/*
 * What travels on the bus between instances: facts, not counts — a few bytes each, far below the
 * NOTIFY limit. Each instance turns them into LiveEvents with its own live counts, which it loads
 * from the store and then moves by the facts it hears (its own and every other instance's).
 * `changed` means "read the workshop again" (areas opened or closed, ended, paper ballot, void):
 * the ids-only form; the receiver reads the rest.
 */
export type WorkshopFact =
	| { t: 'rating'; seq: number; area: number; counted: 0 | 1 }
	| { t: 'joined' }
	| { t: 'changed' };

const facts = transportBus<WorkshopFact>();
export const channelOf = (workshopId: number) => `workshop:${workshopId}`;

/** Announces a committed write of a workshop to every instance. */
export function publishFact(workshopId: number, fact: WorkshopFact): void {
	facts.publish(channelOf(workshopId), fact);
}

// Sequence numbers of ratings, unique across instances: a random per-process prefix (2^20) above a
// counter (2^32), still a safe integer. A client matches its acknowledgement to the live event by it.
const SEQ_BASE = randomInt(1, 2 ** 20) * 2 ** 32;
let ratingSeq = 0;
export const nextRatingSeq = () => SEQ_BASE + ++ratingSeq;

function snapshot(counts: store.WorkshopCounts): store.WorkshopCounts {
	return { joined: counts.joined, ratings: counts.ratings, perArea: { ...counts.perArea } };
}

function sameCounts(a: store.WorkshopCounts, b: store.WorkshopCounts): boolean {
	return a.joined === b.joined && a.ratings === b.ratings && JSON.stringify(a.perArea) === JSON.stringify(b.perArea);
}

export async function buildState(db: Db, row: WorkshopRow, counts: store.WorkshopCounts): Promise<WorkshopState> {
	return {
		id: row.id,
		status: row.status,
		areas: JSON.parse(row.areas) as number[],
		openAreas: await store.openAreas(db, row.id),
		...snapshot(counts)
	};
}

/** Quiet time after the last fact before the counts are checked against the store, and the longest gap. */
const RECONCILE_QUIET_MS = 1_000;
const RECONCILE_MAX_MS = 5_000;

/** The feed's local channels: every event (presenter, control panel), or full states only (participants). */
const ALL = 'all';
const STATE_ONLY = 'state';

type Step = (WorkshopFact | { t: 'resync' } | { t: 'reconcile' }) & { heard?: number };

/** Store reads in a row while facts keep arriving during them (then the facts are applied on top). */
const MAX_READ_ROUNDS = 3;

/**
 * One workshop's live counts on this instance while someone here watches it. Facts are applied in
 * the order heard; reading the store (load, `changed`, resync) holds the later facts back until
 * done. A fact is published after its commit, so a read that *began* after the fact was heard
 * already counts it: such facts are sent on with the read's counts, not added again. Facts heard
 * while a read runs may or may not be in it: the store is read again (up to 3 times); should facts
 * keep arriving, they are added and the counts may be one off for a moment — a recount once the
 * workshop is quiet (and at least every 5 s while busy) settles them.
 */
class Feed {
	readonly out = new InProcessBus<LiveEvent>();
	counts: store.WorkshopCounts | undefined;
	readonly #queue: Step[] = [{ t: 'reconcile' }];
	#busy = false;
	#quietTimer: ReturnType<typeof setTimeout> | undefined;
	#lastReconcile = 0;
	#unsubscribe: () => void;
	#loaded: Promise<void>;
	#markLoaded: () => void = () => {};
	/** Serial of the last fact heard, and the last one a completed store read is known to include. */
	#heard = 0;
	#included = 0;

	constructor(
		private readonly db: Db,
		readonly workshopId: number
	) {
		this.#loaded = new Promise((resolve) => (this.#markLoaded = resolve));
		this.#unsubscribe = facts.subscribe(
			channelOf(workshopId),
			(fact) => this.#push(fact),
			() => this.#push({ t: 'resync' })
		);
		void this.#drain();
	}

	loaded(): Promise<void> {
		return this.#loaded;
	}

	close(): void {
		clearTimeout(this.#quietTimer);
		this.#unsubscribe();
		this.#queue.length = 0;
	}

	#push(step: Step): void {
		this.#queue.push({ ...step, heard: ++this.#heard });
		if (!this.#busy) void this.#drain();
	}

	async #drain(): Promise<void> {
		if (this.#busy) return;
		this.#busy = true;
		try {
			while (this.#queue.length > 0) {
				const step = this.#queue.shift()!;
				if (step.t === 'rating' || step.t === 'joined') this.#apply(step);
				else await this.#read(step.t === 'reconcile' ? 'ifChanged' : 'always');
			}
		} finally {
			this.#busy = false;
		}
	}

	#apply(fact: Extract<WorkshopFact, { t: 'rating' | 'joined' }> & { heard?: number }): void {
		const counts = this.counts;
		if (!counts) return;
		const counted = (fact.heard ?? Infinity) <= this.#included;
		if (fact.t === 'joined') {
			if (!counted) counts.joined += 1;
			this.out.publish(ALL, { type: 'joined', ...snapshot(counts) });
		} else {
			if (fact.counted && !counted) {
				counts.ratings += 1;
				counts.perArea[fact.area] = (counts.perArea[fact.area] ?? 0) + 1;
			}
			this.out.publish(ALL, { type: 'rating', seq: fact.seq, area: fact.area, ...snapshot(counts) });
		}
		this.#scheduleReconcile();
	}

	/** Reads counts (and the workshop) from the store; sends the state always, or only when counts moved. */
	async #read(send: 'always' | 'ifChanged'): Promise<void> {
		try {
			this.#lastReconcile = Date.now();
			let row: WorkshopRow | undefined;
			let fresh!: store.WorkshopCounts;
			for (let round = 0; round < MAX_READ_ROUNDS; round++) {
				const began = this.#heard;
				[row, fresh] = await Promise.all([store.findWorkshop(this.db, this.workshopId), store.counts(this.db, this.workshopId)]);
				this.#included = began;
				if (this.#heard === began) break;
			}
			const first = this.counts === undefined;
			const moved = !first && !sameCounts(this.counts!, fresh);
			this.counts = fresh;
			if (first) this.#markLoaded();
			if (row && (send === 'always' || moved)) {
				const event: LiveEvent = { type: 'state', state: await buildState(this.db, row, fresh) };
				this.out.publish(ALL, event);
				this.out.publish(STATE_ONLY, event);
			}
		} catch (error) {
			// The store is away (a restart): try again shortly; the streams keep their last state.
			console.error('live: reading workshop counts failed', (error as Error).message);
			const retry = setTimeout(() => this.#push({ t: send === 'always' ? 'resync' : 'reconcile' }), RECONCILE_QUIET_MS);
			retry.unref?.();
		}
	}

	#scheduleReconcile(): void {
		const overdue = Date.now() - this.#lastReconcile > RECONCILE_MAX_MS;
		if (overdue) {
			this.#queue.push({ t: 'reconcile' });
			return;
		}
		clearTimeout(this.#quietTimer);
		this.#quietTimer = setTimeout(() => this.#push({ t: 'reconcile' }), RECONCILE_QUIET_MS);
		this.#quietTimer.unref?.();
	}
}

const feeds = new WeakMap<Db, Map<number, Feed>>();

/**
 * Subscribes a live stream to a workshop: every change as a LiveEvent with this instance's counts,
 * and the full state again whenever the workshop changed or the bus had to reconnect.
 */
export function subscribeLive(
	db: Db,
	workshopId: number,
	listener: (event: LiveEvent) => void,
	options: { statesOnly?: boolean } = {}
): () => void {
	let perDb = feeds.get(db);
	if (!perDb) feeds.set(db, (perDb = new Map()));
	let feed = perDb.get(workshopId);
	if (!feed) perDb.set(workshopId, (feed = new Feed(db, workshopId)));
	// A participant's stream needs only full states: a thousand phones are not called for every rating.
	const stop = feed.out.subscribe(options.statesOnly ? STATE_ONLY : ALL, listener);
	const owner = feed;
	return () => {
		stop();
		if (owner.out.listenerCount(ALL) + owner.out.listenerCount(STATE_ONLY) === 0 && perDb.get(workshopId) === owner) {
			owner.close();
			perDb.delete(workshopId);
		}
	};
}

/** The workshop's live counts: this instance's while it watches the workshop, else from the store. */
export async function liveCounts(db: Db, workshopId: number): Promise<store.WorkshopCounts> {
	const feed = feeds.get(db)?.get(workshopId);
	if (feed) {
		await feed.loaded();
		if (feed.counts) return snapshot(feed.counts);
	}
	return store.counts(db, workshopId);
}
