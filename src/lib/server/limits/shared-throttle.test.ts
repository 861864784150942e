import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openSqlite, type Db } from '../db';
import { sharedSecret } from '../db/shared-limits';
import { describePg, openPostgresForTest, startPgCluster, type PgCluster } from '../testing/postgres';
import { DbThrottle, DbWindowLimiter, keyHasher } from './shared-throttle';
import { reserveAll } from './throttle';

/** The same behaviour as MemoryThrottle (throttle.test.ts), on the shared_limit table of one store. */
function throttleSuite(open: () => Db) {
	let time = 1_764_000_000_000;
	const hash = keyHasher('test-secret');
	const throttle = (name: string, max = 3) => new DbThrottle(open(), name, max, 60_000, hash, () => time);

	it('reserves up to the limit, then locks the key for the lock period', async () => {
		const t = throttle('lock');
		expect(await t.reserve('a')).toBe(0);
		expect(await t.reserve('a')).toBe(0);
		expect(await t.retryAfter('a')).toBe(0);
		expect(await t.reserve('a')).toBe(0);
		expect(await t.retryAfter('a')).toBe(60_000);
		expect(await t.reserve('a')).toBe(60_000);
		time += 59_000;
		expect(await t.retryAfter('a')).toBe(1_000);
		time += 1_000;
		expect(await t.retryAfter('a')).toBe(0);
		expect(await t.reserve('a')).toBe(0);
		expect(await t.retryAfter('a')).toBe(0);
	});

	it('never hands out more reservations than the limit, however many ask at once (two throttles, one table)', async () => {
		const a = throttle('parallel', 5);
		const b = throttle('parallel', 5);
		const waits = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).reserve('x')));
		expect(waits.filter((w) => w === 0)).toHaveLength(5);
	});

	it('keeps keys and limits apart; a release or reset gives attempts back', async () => {
		const t = throttle('apart');
		const other = throttle('apart-other');
		for (let i = 0; i < 3; i++) await t.reserve('a');
		expect(await other.retryAfter('a')).toBe(0);
		expect(await t.retryAfter('b')).toBe(0);
		for (let i = 0; i < 3; i++) await t.reserve('b');
		expect(await t.retryAfter('b')).toBeGreaterThan(0);
		await t.release('b');
		expect(await t.retryAfter('b')).toBe(0);
		await t.reset('b');
		for (let i = 0; i < 2; i++) await t.reserve('b');
		expect(await t.retryAfter('b')).toBe(0);
		expect(await t.retryAfter('a')).toBeGreaterThan(0);
	});

	it('does not count attempts older than one lock period', async () => {
		const t = throttle('old');
		await t.reserve('a');
		await t.reserve('a');
		time += 61_000;
		await t.reserve('a');
		expect(await t.retryAfter('a')).toBe(0);
	});

	it('reserves on several throttles all or nothing', async () => {
		const account = throttle('all-account', 2);
		const address = throttle('all-address', 1);
		expect(await reserveAll([{ throttle: account, key: 'x' }, { throttle: address, key: 'ip' }])).toBe(0);
		expect(await reserveAll([{ throttle: account, key: 'x' }, { throttle: address, key: 'ip' }])).toBeGreaterThan(0);
		// The account's second attempt was given back when the address refused.
		await address.reset('ip');
		expect(await reserveAll([{ throttle: account, key: 'x' }, { throttle: address, key: 'ip' }])).toBe(0);
		expect(await account.retryAfter('x')).toBeGreaterThan(0);
	});

	it('stores keyed hashes, never the key itself', async () => {
		const t = throttle('privacy');
		await t.reserve('203.0.113.7');
		const rows = await open().selectFrom('shared_limit').select('key_hash').where('name', '=', 'privacy').execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.key_hash).not.toContain('203.0.113.7');
	});

	it('admits events per key and window, also when asked at once', async () => {
		const window = new DbWindowLimiter('ballots', 4, 60_000, hash, () => time);
		const admitted = await Promise.all(Array.from({ length: 20 }, () => window.take(open(), 'w1-ip')));
		expect(admitted.filter(Boolean)).toHaveLength(4);
		expect(await window.take(open(), 'w2-ip')).toBe(true);
		time += 60_000;
		expect(await window.take(open(), 'w1-ip')).toBe(true);
	});

	it('shares one secret between instances', async () => {
		const first = await sharedSecret(open());
		expect(await sharedSecret(open())).toBe(first);
		expect(first.length).toBeGreaterThan(20);
	});
}

describe('the shared throttle on SQLite', () => {
	let db: Db;
	beforeAll(async () => {
		db = openSqlite(':memory:');
		await migrate(db);
	});
	afterAll(async () => db.destroy());
	throttleSuite(() => db);
});

describePg('the shared throttle on PostgreSQL', () => {
	let cluster: PgCluster;
	let db: Db;
	beforeAll(async () => {
		cluster = await startPgCluster();
		db = openPostgresForTest(cluster.url);
		await migrate(db);
	}, 60_000);
	afterAll(async () => {
		await db?.destroy();
		cluster?.stop();
	});
	throttleSuite(() => db);
});
