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
import { DbThrottle, keyHasher } from '../limits/shared-throttle';
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

/** The code throttles as each store keeps them: in memory (SQLite) and in the shared_limit table (PostgreSQL). */
const throttleKinds = {
	memory: (): CodeThrottles => ({
		address: new MemoryThrottle(30, 10 * 60_000, () => time),
		global: new MemoryThrottle(600, 60_000, () => time)
	}),
	'shared table': (): CodeThrottles => ({
		address: new DbThrottle(db, 'code-address', 30, 10 * 60_000, keyHasher('test'), () => time),
		global: new DbThrottle(db, 'code-global', 600, 60_000, keyHasher('test'), () => time)
	})
};

describe.each(Object.entries(throttleKinds))('join codes: an address already refused spends nothing of the shared budget (%s)', (_, make) => {
	beforeEach(() => {
		time = 1_764_000_000_000;
		throttles = make();
	});

	it('620 wrong codes from one address, sent at once, leave the right code from another address passing', async () => {
		const answers = await Promise.all(Array.from({ length: 620 }, (_, i) => outcome(wrongCode(i), '203.0.113.66')));
		expect(answers.filter((a) => a === '404')).toHaveLength(30);
		expect(answers.filter((a) => a === '429')).toHaveLength(590);
		expect(await outcome(workshop.code, '198.51.100.9')).toBe('found');
		// And a wrong code from elsewhere is still looked up (404), not refused for lack of budget.
		expect(await outcome(wrongCode(7), '198.51.100.10')).toBe('404');
	});

	it('the second allowance is paid from the shared budget too: locked addresses together guess no more than it', async () => {
		// Ten addresses, each 30 wrong codes then 30 more on its second allowance: 600 lookups, the whole budget.
		for (let a = 0; a < 10; a++) for (let i = 0; i < 60; i++) await outcome(wrongCode(a * 60 + i), `203.0.113.${a}`);
		expect(await outcome(wrongCode(9_999), '198.51.100.20')).toBe('429');
		expect(await outcome(workshop.code, '198.51.100.21')).toBe('429');
		time += 60_001;
		expect(await outcome(workshop.code, '198.51.100.21')).toBe('found');
	});

	it('right codes from one (shared) address at once all pass, while fewer than twice its limit are in flight', async () => {
		const answers = await Promise.all(Array.from({ length: 50 }, () => outcome(workshop.code, '203.0.113.80')));
		expect(answers.every((a) => a === 'found')).toBe(true);
		expect(await throttles.address.retryAfter('203.0.113.80')).toBe(0);
	});

	it('the refused address may still use the right code, but its further guesses are bounded on its own', async () => {
		for (let i = 0; i < 30; i++) expect(await outcome(wrongCode(i), '203.0.113.66')).toBe('404');
		for (let i = 0; i < 30; i++) expect(await outcome(wrongCode(100 + i), '203.0.113.66')).toBe('429');
		// Its own second allowance is spent: now even the right code waits (a ballot cookie still passes).
		expect(await outcome(workshop.code, '203.0.113.66')).toBe('429');
		expect(await outcome(workshop.code, '198.51.100.9')).toBe('found');
		time += 10 * 60_000 + 1;
		expect(await outcome(workshop.code, '203.0.113.66')).toBe('found');
	});
});
