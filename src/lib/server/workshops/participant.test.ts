import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as catalogues from '../db/catalogues';
import * as municipalities from '../db/municipalities';
import type { WorkshopRow } from '../db/schema';
import { createTestDb } from '../db/testing';
import * as users from '../db/users';
import { lookUpGuardedCode, workshopByBallotCookie } from './participant';
import { Refusal } from '../http/refusal';
import { storeShippedCatalogues } from '../catalogues/shipped';
import { MemoryThrottle, type CodeThrottles } from '../limits/throttle';
import { DEFAULT_GROUPS, createWorkshop, join } from './workshops';

let db: Db;
let workshop: WorkshopRow;
let throttles: CodeThrottles;
let time: number;

beforeEach(async () => {
	db = await createTestDb();
	await storeShippedCatalogues(db);
	const m = await municipalities.createMunicipality(db, 'Codestadt');
	const user = await users.createUser(db, { email: 'mod@code.example', name: 'Moderation', passwordHash: 'x' });
	await users.addMembership(db, user.id, m.id, 'facilitator');
	const [catalogue] = await catalogues.listCatalogues(db, m.id);
	const assessment = await assessments.createAssessment(db, { municipalityId: m.id, name: 'Check', catalogueId: catalogue!.id, createdBy: null });
	workshop = await createWorkshop(db, assessment, user.id, { title: 'Workshop', heldOn: '2026-12-03', areas: [1, 2], groups: DEFAULT_GROUPS, k: 5 });
	time = 0;
	throttles = {
		address: new MemoryThrottle(30, 10 * 60_000, () => time),
		global: new MemoryThrottle(600, 60_000, () => time)
	};
});
afterEach(async () => {
	await db.destroy();
});

const outcome = async (code: string, address: string) => {
	try {
		return (await lookUpGuardedCode(db, code, address, throttles)).id === workshop.id ? 'found' : 'other';
	} catch (err) {
		if (err instanceof Refusal) return String(err.status);
		throw err;
	}
};
const wrongCode = (i: number) => `WR${String(i).padStart(4, '2').replace(/[01]/g, '9')}`;

describe('join codes: only wrong guesses are throttled (finding 8)', () => {
	it('after 30 wrong codes from a shared address, the right code from that address still passes', async () => {
		for (let i = 0; i < 30; i++) expect(await outcome(wrongCode(i), '203.0.113.7')).toBe('404');
		expect(await outcome(wrongCode(99), '203.0.113.7')).toBe('429');
		for (let i = 0; i < 50; i++) expect(await outcome(workshop.code, '203.0.113.7')).toBe('found');
		// Other addresses are not affected by that address's guesses.
		expect(await outcome(wrongCode(98), '198.51.100.1')).toBe('404');
	});

	it('a global budget bounds wrong guesses from rotating addresses; it renews after a minute', async () => {
		let evaluated = 0;
		for (let i = 0; i < 1000; i++) if ((await outcome(wrongCode(i % 500), `10.${i >> 8}.${i & 255}.1`)) === '404') evaluated += 1;
		expect(evaluated).toBe(600);
		// Spent: no code is looked up until the minute is over, not even the right one without a cookie.
		expect(await outcome(workshop.code, '10.200.0.1')).toBe('429');
		time += 60_001;
		expect(await outcome(workshop.code, '10.200.0.1')).toBe('found');
	});

	it('right codes give their reservation back and never use up the budget', async () => {
		for (let i = 0; i < 2000; i++) expect(await outcome(workshop.code, '10.0.0.1')).toBe('found');
		expect(await throttles.global.retryAfter('all')).toBe(0);
	});

	it('a valid ballot cookie for the workshop passes without any lookup by code', async () => {
		const token = await join(db, workshop, undefined, null);
		const cookies = (list: { name: string; value: string }[]) => ({ getAll: () => list });
		expect((await workshopByBallotCookie(db, workshop.code, cookies([{ name: `ballot_${workshop.id}`, value: token }])))?.id).toBe(workshop.id);
		expect(await workshopByBallotCookie(db, workshop.code, cookies([{ name: `ballot_${workshop.id}`, value: 'forged' }]))).toBeUndefined();
		expect(await workshopByBallotCookie(db, 'ZZZZZZ', cookies([{ name: `ballot_${workshop.id}`, value: token }]))).toBeUndefined();
		expect(await workshopByBallotCookie(db, workshop.code, cookies([{ name: 'session', value: token }]))).toBeUndefined();
	});
});
