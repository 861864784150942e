import { describe, expect, it } from 'vitest';
import { MemoryThrottle, reserveAll } from './throttle';

describe('the attempt throttle', () => {
	const setup = (max = 3) => {
		let time = 0;
		const throttle = new MemoryThrottle(max, 60_000, () => time);
		return { throttle, advance: (ms: number) => (time += ms) };
	};

	it('reserves up to the limit, then locks the key for the lock period', async () => {
		const { throttle, advance } = setup();
		expect(await throttle.reserve('a')).toBe(0);
		expect(await throttle.reserve('a')).toBe(0);
		expect(await throttle.retryAfter('a')).toBe(0);
		expect(await throttle.reserve('a')).toBe(0);
		expect(await throttle.retryAfter('a')).toBe(60_000);
		expect(await throttle.reserve('a')).toBe(60_000);
		advance(59_000);
		expect(await throttle.retryAfter('a')).toBe(1_000);
		advance(1_000);
		expect(await throttle.retryAfter('a')).toBe(0);
		expect(await throttle.reserve('a')).toBe(0);
	});

	it('never hands out more reservations than the limit, however many ask at once', async () => {
		const { throttle } = setup(5);
		const waits = await Promise.all(Array.from({ length: 100 }, () => throttle.reserve('a')));
		expect(waits.filter((w) => w === 0)).toHaveLength(5);
	});

	it('keeps keys apart; a release or reset gives attempts back', async () => {
		const { throttle } = setup();
		for (let i = 0; i < 3; i++) await throttle.reserve('a');
		expect(await throttle.retryAfter('b')).toBe(0);
		await throttle.reserve('b');
		await throttle.reserve('b');
		await throttle.reserve('b');
		expect(await throttle.retryAfter('b')).toBeGreaterThan(0);
		await throttle.release('b');
		expect(await throttle.retryAfter('b')).toBe(0);
		await throttle.reset('b');
		for (let i = 0; i < 2; i++) await throttle.reserve('b');
		expect(await throttle.retryAfter('b')).toBe(0);
		expect(await throttle.retryAfter('a')).toBeGreaterThan(0);
	});

	it('does not count attempts older than one lock period', async () => {
		const { throttle, advance } = setup();
		await throttle.reserve('a');
		await throttle.reserve('a');
		advance(61_000);
		await throttle.reserve('a');
		expect(await throttle.retryAfter('a')).toBe(0);
	});

	it('reserves on several throttles all or nothing', async () => {
		const account = setup(2).throttle;
		const address = setup(1).throttle;
		expect(await reserveAll([{ throttle: account, key: 'x' }, { throttle: address, key: 'ip' }])).toBe(0);
		expect(await reserveAll([{ throttle: account, key: 'x' }, { throttle: address, key: 'ip' }])).toBeGreaterThan(0);
		// The refused second reservation gave the account's attempt back.
		await account.reset('unused');
		expect(await account.retryAfter('x')).toBe(0);
		expect(await account.reserve('x')).toBe(0);
		expect(await account.retryAfter('x')).toBeGreaterThan(0);
	});
});
