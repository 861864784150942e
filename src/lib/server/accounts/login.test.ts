import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../db/testing';
import * as users from '../db/users';
import { attemptLogin } from './login';
import { hashPassword, verifyPassword } from './passwords';
import { MemoryThrottle, type LoginThrottles } from '../limits/throttle';

const MAX = 5; // LOGIN_MAX_FAILURES' default
const PASSWORD = 'richtiges-Passwort-1';

let db: Db;
let throttles: LoginThrottles;
let hashCalls: number;
/** Counts evaluations; the real scrypt check (slow on purpose), so parallel attempts really overlap. */
const countingVerify = async (password: string, hash: string) => {
	hashCalls += 1;
	return verifyPassword(password, hash);
};
/** Counts evaluations with a short await instead of scrypt, for the larger runs. */
const quickVerify = async (password: string) => {
	hashCalls += 1;
	await new Promise((resolve) => setTimeout(resolve, 5));
	return password === PASSWORD;
};

beforeEach(async () => {
	db = await createTestDb();
	const passwordHash = await hashPassword(PASSWORD);
	for (let i = 0; i < 20; i++) await users.createUser(db, { email: `p${i}@stadt.example`, name: `P${i}`, passwordHash });
	throttles = { account: new MemoryThrottle(MAX, 15 * 60_000), address: new MemoryThrottle(MAX * 10, 15 * 60_000) };
	hashCalls = 0;
});
afterEach(async () => {
	await db.destroy();
});

describe('the login limit under parallel attempts (finding 1)', () => {
	it('100 parallel wrong passwords for one account evaluate at most the limit; the right one is refused while locked', async () => {
		const outcomes = await Promise.all(
			Array.from({ length: 100 }, (_, i) =>
				attemptLogin(db, throttles, { email: 'p0@stadt.example', password: `falsch-${i}`, address: `10.0.0.${i}` }, countingVerify)
			)
		);
		expect(hashCalls).toBe(MAX);
		expect(outcomes.filter((o) => !o.ok && o.reason === 'invalidCredentials')).toHaveLength(MAX);
		expect(outcomes.filter((o) => !o.ok && o.reason === 'tooManyAttempts')).toHaveLength(100 - MAX);

		const right = await attemptLogin(db, throttles, { email: 'P0@stadt.example', password: PASSWORD, address: '10.9.9.9' }, countingVerify);
		expect(right).toMatchObject({ ok: false, reason: 'tooManyAttempts' });
		expect(hashCalls).toBe(MAX);
	});

	it('the right password among parallel wrong ones is evaluated only if its attempt was reserved', async () => {
		const outcomes = await Promise.all(
			Array.from({ length: 100 }, (_, i) =>
				attemptLogin(db, throttles, { email: 'p1@stadt.example', password: i === 60 ? PASSWORD : `falsch-${i}`, address: '10.0.0.1' }, quickVerify)
			)
		);
		expect(hashCalls).toBe(MAX);
		expect(outcomes[60]).toMatchObject({ ok: false, reason: 'tooManyAttempts' });
	});

	it('200 parallel attempts from one address on different accounts evaluate at most the address limit', async () => {
		await Promise.all(
			Array.from({ length: 200 }, (_, i) =>
				attemptLogin(db, throttles, { email: `p${i % 20}@stadt.example`, password: 'falsch', address: '192.0.2.1' }, quickVerify)
			)
		);
		expect(hashCalls).toBe(MAX * 10);
	});

	it('a success gives its attempt back and clears the account, so a colleague on the same address is not locked by it', async () => {
		for (let i = 0; i < MAX - 1; i++) {
			await attemptLogin(db, throttles, { email: 'p2@stadt.example', password: 'falsch', address: '192.0.2.2' }, quickVerify);
		}
		expect(await attemptLogin(db, throttles, { email: 'p2@stadt.example', password: PASSWORD, address: '192.0.2.2' }, quickVerify)).toMatchObject({ ok: true });
		expect(await throttles.account.retryAfter('p2@stadt.example')).toBe(0);
		expect(await attemptLogin(db, throttles, { email: 'p2@stadt.example', password: 'falsch', address: '192.0.2.2' }, quickVerify)).toMatchObject({
			ok: false,
			reason: 'invalidCredentials'
		});
	});
});
