import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RatingLevel } from '$lib/domain/ballot';
import { openDatabase, type Db } from '../db';
import type { WorkshopRow } from '../db/schema';
import { createTestDb } from '../db/testing';
import * as store from '../db/workshops';
import { commitRating } from './rating-commit';
import { refusalOf as refusal, workshopSetup } from '../testing/outcomes';
import { hashToken, join, rate, setAreas } from './workshops';

// A database file, so that a second connection (the observer) sees only what was committed.
let dir: string;
let db: Db;
let observer: Db;
let workshop: WorkshopRow;

beforeEach(async () => {
	dir = mkdtempSync(joinPath(tmpdir(), 'rating-commit-'));
	db = await createTestDb(joinPath(dir, 'test.db'));
	observer = openDatabase({ kind: 'sqlite', path: joinPath(dir, 'test.db') });
	({ workshop } = await workshopSetup(db, [1, 2]));
	await setAreas(db, workshop.id, [1, 2], true);
});
afterEach(async () => {
	vi.restoreAllMocks();
	await observer.destroy();
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

/** The level a device's rating of an area has for a connection that sees only committed data. */
async function committedLevel(token: string, area: number): Promise<number | null | 'none'> {
	const row = await observer
		.selectFrom('rating')
		.innerJoin('ballot', 'ballot.id', 'rating.ballot_id')
		.select('rating.level')
		.where('ballot.token_hash', '=', hashToken(token))
		.where('rating.area', '=', area)
		.executeTakeFirst();
	return row ? row.level : 'none';
}

const devices = (n: number) => Promise.all(Array.from({ length: n }, () => join(db, workshop, undefined, null)));
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('ratings sent at the same moment', () => {
	it('share one transaction, and each is acknowledged only once it is committed', async () => {
		const tokens = await devices(5);
		const transactions = vi.spyOn(db, 'transaction');
		// What another connection sees at the moment each acknowledgement arrives.
		const seenAtAck = await Promise.all(tokens.map((token, i) => rate(db, workshop.id, token, 1, ((i % 4) + 1) as RatingLevel).then(() => committedLevel(token, 1))));
		expect(seenAtAck).toEqual([1, 2, 3, 4, 1]);
		expect(transactions).toHaveBeenCalledTimes(1);
	});

	it('are not acknowledged when their transaction fails: retried alone, the good ones commit, the bad one is refused with notSaved', async () => {
		const [a, b, c] = await devices(3);
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const write = (token: string, level: number) => ({ workshopId: workshop.id, tokenHash: hashToken(token), area: 2, level });
		// Level 9 breaks the table's check constraint, so the batch of three fails as a whole.
		const outcomes = await Promise.all([
			commitRating(db, write(a!, 3)).then(async (outcome) => ({ outcome, seen: await committedLevel(a!, 2) })),
			refusal(commitRating(db, write(b!, 9))),
			commitRating(db, write(c!, 4)).then(async (outcome) => ({ outcome, seen: await committedLevel(c!, 2) }))
		]);
		expect(outcomes).toEqual([
			{ outcome: { stored: true, counted: true }, seen: 3 },
			'409 notSaved',
			{ outcome: { stored: true, counted: true }, seen: 4 }
		]);
		expect(await committedLevel(b!, 2)).toBe('none');
		expect(console.error).toHaveBeenCalledTimes(1);
	});

	it('count once per device and area, also when one batch holds a device’s first rating and its change', async () => {
		const [token] = await devices(1);
		await Promise.all([rate(db, workshop.id, token, 1, 2), rate(db, workshop.id, token, 1, 3), rate(db, workshop.id, token, 2, null)]);
		expect(await store.counts(db, workshop.id)).toEqual(expect.objectContaining({ ratings: 2, perArea: { 1: 1, 2: 1 } }));
		expect(await committedLevel(token!, 1)).toBe(3);
	});
});

describe('a rating racing the close of its area', () => {
	it('never lands after the close was acknowledged: it is stored before, or refused with areaClosed', async () => {
		const tokens = await devices(6);
		const seen = new Set<string>();
		for (let round = 0; round < 6; round++) {
			await setAreas(db, workshop.id, [1], true);
			const level = ((round % 4) + 1) as RatingLevel;
			// Ratings go out over three turns of the event loop; the close starts in one of them.
			const ratings = tokens.map(async (token, i) => {
				for (let t = 0; t < i % 3; t++) await nextTurn();
				return refusal(rate(db, workshop.id, token, 1, level));
			});
			const closed = (async () => {
				for (let t = 0; t < round % 3; t++) await nextTurn();
				await setAreas(db, workshop.id, [1], false);
				// The close is acknowledged here: this is what the room's figures are from now on.
				return store.listRatings(db, workshop.id);
			})();
			const atClose = await closed;
			const answers = await Promise.all(ratings);
			expect(await store.listRatings(db, workshop.id)).toEqual(atClose);
			for (const [i, answer] of answers.entries()) {
				seen.add(answer);
				expect(['accepted', '409 areaClosed']).toContain(answer);
				if (answer === 'accepted') expect(await committedLevel(tokens[i]!, 1)).toBe(level);
			}
		}
		// The timing put ratings on both sides of the close.
		expect([...seen].sort()).toEqual(['409 areaClosed', 'accepted']);
	});
});
