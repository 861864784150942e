import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../platform/config';
import type { Db } from '../db';
import type { WorkshopRow } from '../db/schema';
import { createTestDb } from '../db/testing';
import { refusalOf as refusal, workshopSetup } from '../testing/outcomes';
import * as store from '../db/workshops';
import { SlidingWindowLimiter } from '../limits/rate-window';
import {
	addPaperBallot,
	endWorkshop,
	join,
	joinRate,
	rate,
	setAreas,
	undoBallotVoid,
	voidBallotsOfMinute,
	workshopState
} from './workshops';

let db: Db;
let facilitator: number;
let workshop: WorkshopRow;

beforeEach(async () => {
	db = await createTestDb();
	({ facilitator, workshop } = await workshopSetup(db, [1, 2]));
	await setAreas(db, workshop.id, [1, 2], true);
});
afterEach(async () => {
	await db.destroy();
});


/** Moves every ballot created so far (and not yet moved) into the given minute. */
async function backdate(since: number, at: string) {
	await db.updateTable('ballot').set({ created_at: at }).where('id', '>', since).execute();
}
const lastBallotId = async () => (await db.selectFrom('ballot').select('id').orderBy('id', 'desc').executeTakeFirst())?.id ?? 0;

describe('new ballots per address', () => {
	it('defaults to 60 per minute and is configurable', () => {
		expect(parseConfig({}).BALLOTS_PER_ADDRESS_PER_MINUTE).toBe(60);
		expect(parseConfig({ BALLOTS_PER_ADDRESS_PER_MINUTE: '300' }).BALLOTS_PER_ADDRESS_PER_MINUTE).toBe(300);
		expect(() => parseConfig({ BALLOTS_PER_ADDRESS_PER_MINUTE: '0' })).toThrow(/BALLOTS_PER_ADDRESS_PER_MINUTE/);
	});

	it('refuses the 61st new ballot from one address within a minute; a device with its cookie still rates', async () => {
		let time = 1_000_000;
		const limiter = new SlidingWindowLimiter(60, 60_000, () => time);
		const admit = (address: string) => () => limiter.take(`${workshop.id}|${address}`);
		const tokens: string[] = [];
		for (let i = 0; i < 60; i++) tokens.push(await join(db, workshop, undefined, null, admit('10.0.0.1')));
		expect(await refusal(join(db, workshop, undefined, null, admit('10.0.0.1')))).toBe('429 tooManyBallots');
		expect((await store.counts(db, workshop.id)).joined).toBe(60);
		// Another address (another town hall) is not affected.
		expect(await refusal(join(db, workshop, undefined, null, admit('10.0.0.2')))).toBe('accepted');
		// A device that already joined changes its group and rates as before.
		expect(await refusal(join(db, workshop, tokens[0], 'Politik', admit('10.0.0.1')))).toBe('accepted');
		expect(await refusal(rate(db, workshop.id, tokens[0], 1, 2))).toBe('accepted');
		// A minute later the address may bring new devices again.
		time += 60_001;
		expect(await refusal(join(db, workshop, undefined, null, admit('10.0.0.1')))).toBe('accepted');
	});
});

describe('voiding the ballots of one minute', () => {
	it("excludes the minute's ballots from counts, ratings and participants until undone", async () => {
		const honest = await join(db, workshop, undefined, 'Politik');
		await rate(db, workshop.id, honest, 1, 2);
		await backdate(0, '2026-12-03T10:00:10.000Z');
		const boundary = await lastBallotId();
		const stuffed: string[] = [];
		for (let i = 0; i < 5; i++) {
			const token = await join(db, workshop, undefined, 'Wirtschaft');
			await rate(db, workshop.id, token, 1, 4);
			stuffed.push(token);
		}
		await backdate(boundary, '2026-12-03T10:01:30.500Z');
		await addPaperBallot(db, workshop.id, null, [{ area: 1, level: 3 }]);
		const paper = await lastBallotId();
		await db.updateTable('ballot').set({ created_at: '2026-12-03T10:01:40.000Z' }).where('id', '=', paper).execute();

		expect(await store.counts(db, workshop.id)).toMatchObject({ joined: 7, ratings: 7 });
		const voided = await voidBallotsOfMinute(db, workshop.id, '2026-12-03T10:01:00.000Z', facilitator);
		expect(voided).toBe(5);

		expect(await store.counts(db, workshop.id)).toEqual({ joined: 2, ratings: 2, perArea: { 1: 2 } });
		expect((await store.listRatings(db, workshop.id)).map((r) => r.level).sort()).toEqual([2, 3]);
		expect(await store.listBallots(db, workshop.id)).toHaveLength(2);
		const stuffedBallot = await store.findBallotByToken(db, workshop.id, (await import('./workshops')).hashToken(stuffed[0]!));
		expect(await store.ratingsOf(db, stuffedBallot!.id)).toEqual([]);
		// The in-memory live counts were rebuilt too.
		expect(await workshopState(db, workshop)).toMatchObject({ joined: 2, ratings: 2, perArea: { 1: 2 } });
		// A voided device rating another area does not move the live counts.
		await rate(db, workshop.id, stuffed[1], 2, 4);
		expect(await workshopState(db, workshop)).toMatchObject({ joined: 2, ratings: 2 });

		// Recorded: who, when, which minute, how many.
		const [record] = await store.listVoids(db, workshop.id);
		expect(record).toMatchObject({ minute: '2026-12-03T10:01:00.000Z', count: 5, voidedBy: 'Moderation', undoneAt: null });
		expect(record!.voidedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
		// Nothing left to void in that minute (the paper ballot stays).
		expect(await refusal(voidBallotsOfMinute(db, workshop.id, '2026-12-03T10:01:59.000Z', facilitator))).toBe('409 nothingToVoid');

		await undoBallotVoid(db, workshop.id, record!.id, facilitator);
		expect(await store.counts(db, workshop.id)).toEqual({ joined: 7, ratings: 8, perArea: { 1: 7, 2: 1 } });
		expect(await workshopState(db, workshop)).toMatchObject({ joined: 7, ratings: 8 });
		expect((await store.listVoids(db, workshop.id))[0]).toMatchObject({ undoneBy: 'Moderation' });
		expect(await refusal(undoBallotVoid(db, workshop.id, record!.id, facilitator))).toBe('404 voidUnknown');
	});

	it('shows the join rate per minute for the last 15 minutes', async () => {
		await join(db, workshop, undefined, null);
		await backdate(0, '2026-12-03T10:00:05.000Z');
		const boundary = await lastBallotId();
		for (let i = 0; i < 3; i++) await join(db, workshop, undefined, null);
		await backdate(boundary, '2026-12-03T10:14:59.000Z');
		const rate15 = await joinRate(db, workshop.id, 15, Date.parse('2026-12-03T10:14:59.999Z'));
		expect(rate15).toHaveLength(15);
		expect(rate15[0]).toEqual({ minute: '2026-12-03T10:00:00.000Z', ballots: 1, voided: 0 });
		expect(rate15[14]).toEqual({ minute: '2026-12-03T10:14:00.000Z', ballots: 3, voided: 0 });
		expect(rate15.slice(1, 14).every((m) => m.ballots === 0)).toBe(true);
	});

	it('cannot void or undo after the workshop ended', async () => {
		await join(db, workshop, undefined, null);
		await backdate(0, '2026-12-03T10:00:05.000Z');
		await voidBallotsOfMinute(db, workshop.id, '2026-12-03T10:00:00.000Z', facilitator);
		const [record] = await store.listVoids(db, workshop.id);
		await endWorkshop(db, workshop.id);
		expect(await refusal(undoBallotVoid(db, workshop.id, record!.id, facilitator))).toBe('409 workshopEnded');
		expect(await refusal(voidBallotsOfMinute(db, workshop.id, '2026-12-03T10:00:00.000Z', facilitator))).toBe('409 workshopEnded');
		expect((await store.counts(db, workshop.id)).joined).toBe(0);
	});
});
