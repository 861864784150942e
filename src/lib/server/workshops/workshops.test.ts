import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db';
import type { Assessment, WorkshopRow } from '../db/schema';
import { createTestDb } from '../db/testing';
import { refusalOf as refusal, workshopSetup } from '../testing/outcomes';
import * as store from '../db/workshops';
import { stateThenChanges, transportBus } from '../realtime/live';
import { addPaperBallot, channelOf, createWorkshop, currentState, endWorkshop, join, rate, setAreas, subscribeLive, type LiveEvent } from './workshops';

let db: Db;
let assessment: Assessment;
let facilitator: number;
let workshop: WorkshopRow;

beforeEach(async () => {
	db = await createTestDb();
	({ assessment, facilitator, workshop } = await workshopSetup(db, [1, 2, 3]));
});
afterEach(async () => {
	await db.destroy();
});


describe('a workshop', () => {
	it('gets a unique join code and starts with every area closed', async () => {
		expect(workshop.code).toMatch(/^[A-HJ-KM-NP-Z2-9]{6}$/);
		const second = await createWorkshop(db, assessment, facilitator, { title: 'Zweiter', heldOn: '2026-12-04', areas: [1], groups: ['A'], k: 5 });
		expect(second.code).not.toBe(workshop.code);
		expect(await store.openAreas(db, workshop.id)).toEqual([]);
	});

	it('draws a new code when the first one is taken', async () => {
		// The first six draws repeat the existing code; the next six give another one.
		const taken = workshop.code.split('').map((c) => 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'.indexOf(c));
		const draws = [...taken, 0, 1, 2, 3, 4, 5];
		const second = await createWorkshop(db, assessment, facilitator, { title: 'Zweiter', heldOn: '2026-12-04', areas: [1], groups: ['A'], k: 5 }, () => draws.shift()!);
		expect(second.code).toBe('ABCDEF');
		expect(draws).toEqual([]);
	});

	it('can never change again once ended', async () => {
		await endWorkshop(db, workshop.id);
		expect(await refusal(setAreas(db, workshop.id, [1], true))).toBe('409 workshopEnded');
		expect(await refusal(endWorkshop(db, workshop.id))).toBe('409 workshopEnded');
		expect(await refusal(join(db, workshop, undefined, null))).toBe('409 workshopEnded');
		expect(await refusal(addPaperBallot(db, workshop.id, null, [{ area: 1, level: 2 }]))).toBe('409 workshopEnded');
	});
});

describe('ballots', () => {
	it('keep one rating per device and area: a second rating replaces the first', async () => {
		await setAreas(db, workshop.id, [1, 2], true);
		const token = await join(db, workshop, undefined, 'Politik');
		await rate(db, workshop.id, token, 1, 3);
		await rate(db, workshop.id, token, 1, 2);
		await rate(db, workshop.id, token, 2, null);
		expect(await store.listRatings(db, workshop.id)).toEqual([
			expect.objectContaining({ area: 1, level: 2, group: 'Politik', paper: 0 }),
			expect.objectContaining({ area: 2, level: null, group: 'Politik', paper: 0 })
		]);
		// Joining again with the same token changes the group, not the number of ballots.
		expect(await join(db, workshop, token, 'Wirtschaft')).toBe(token);
		expect((await store.counts(db, workshop.id)).joined).toBe(1);
	});

	it('store only a hash of the device token and nothing about the person', async () => {
		const token = await join(db, workshop, undefined, null);
		const rows = await db.selectFrom('ballot').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.token_hash).not.toBe(token);
		expect(Object.keys(rows[0]!).sort()).toEqual(['created_at', 'id', 'paper', 'stakeholder_group', 'token_hash', 'void_id', 'workshop_id']);
	});

	it('refuse closed areas, unknown areas, bad levels, unknown devices and ended workshops, writing nothing', async () => {
		await setAreas(db, workshop.id, [1], true);
		const token = await join(db, workshop, undefined, null);
		expect(await refusal(rate(db, workshop.id, token, 2, 3))).toBe('409 areaClosed');
		expect(await refusal(rate(db, workshop.id, token, 5, 3))).toBe('422 unknownArea');
		expect(await refusal(rate(db, workshop.id, token, 1, 9 as never))).toBe('422 invalidLevel');
		expect(await refusal(rate(db, workshop.id, 'erfunden', 1, 3))).toBe('403 notJoined');
		expect(await refusal(rate(db, workshop.id, undefined, 1, 3))).toBe('403 notJoined');
		await endWorkshop(db, workshop.id);
		expect(await refusal(rate(db, workshop.id, token, 1, 3))).toBe('409 workshopEnded');
		expect(await store.listRatings(db, workshop.id)).toEqual([]);
	});

	it('refuse a group the workshop does not offer', async () => {
		expect(await refusal(join(db, workshop, undefined, 'Geheimbund'))).toBe('422 invalidGroup');
		expect((await store.counts(db, workshop.id)).joined).toBe(0);
	});

	it('on paper count the same way, marked as paper, also for closed areas', async () => {
		await addPaperBallot(db, workshop.id, 'Migrantenorganisation', [
			{ area: 1, level: 3 },
			{ area: 3, level: null }
		]);
		expect(await store.listRatings(db, workshop.id)).toEqual([
			expect.objectContaining({ area: 1, level: 3, group: 'Migrantenorganisation', paper: 1 }),
			expect.objectContaining({ area: 3, level: null, paper: 1 })
		]);
		expect(await refusal(addPaperBallot(db, workshop.id, null, [{ area: 1, level: 2 }, { area: 6, level: 2 }]))).toBe('422 unknownArea');
		expect(await refusal(addPaperBallot(db, workshop.id, null, []))).toBe('422 emptyBallot');
		expect((await store.counts(db, workshop.id)).ratings).toBe(2);
	});
});

describe('live events', () => {
	it('are published after the write, with counts and a sequence number that the caller gets back', async () => {
		const events: LiveEvent[] = [];
		const stop = subscribeLive(db, workshop.id, (event) => events.push(event));
		await setAreas(db, workshop.id, [1], true);
		const token = await join(db, workshop, undefined, null);
		const seq = await rate(db, workshop.id, token, 1, 4);
		await vi.waitFor(() => expect(events).toHaveLength(3));
		stop();
		expect(events.map((e) => e.type)).toEqual(['state', 'joined', 'rating']);
		expect(events[2]).toEqual({ type: 'rating', seq, area: 1, joined: 1, ratings: 1, perArea: { 1: 1 } });
		// A refused rating publishes nothing.
		const after: LiveEvent[] = [];
		const stop2 = subscribeLive(db, workshop.id, (event) => after.push(event));
		await refusal(rate(db, workshop.id, token, 2, 4));
		await new Promise((resolve) => setTimeout(resolve, 50));
		stop2();
		expect(after).toEqual([]);
		expect(transportBus().listenerCount(channelOf(workshop.id))).toBe(0);
	});

	it('a stream sends its first state before a change heard while reading it: the end of a workshop is never overwritten', async () => {
		await setAreas(db, workshop.id, [1], true);
		const sent: string[] = [];
		const heard: LiveEvent[] = [];
		const stop = await stateThenChanges<LiveEvent>(
			(listener) =>
				subscribeLive(db, workshop.id, (event) => {
					heard.push(event);
					listener(event);
				}, { statesOnly: true }),
			async () => {
				const state = await currentState(db, workshop.id);
				// The facilitator ends the workshop while this stream's first state is on its way.
				await endWorkshop(db, workshop.id);
				await vi.waitFor(() => expect(heard).toHaveLength(1));
				sent.push(`first: ${state.status}`);
			},
			(event) => {
				if (event.type === 'state') sent.push(`change: ${event.state.status}`);
			}
		);
		stop();
		expect(sent).toEqual(['first: open', 'change: ended']);
	});
});
