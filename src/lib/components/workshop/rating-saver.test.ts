import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RatingSaver } from './rating-saver.svelte';

type Reply = { status: number; body?: unknown } | 'network';

/** A fetch whose replies the test releases one by one, recording what was sent. */
function fakeFetch() {
	const sent: { area: number; level: number | null }[] = [];
	const waiting: ((reply: Reply) => void)[] = [];
	const fetch = vi.fn((_url: string, init: RequestInit) => {
		sent.push(JSON.parse(String(init.body)));
		return new Promise<Response>((resolve, reject) => {
			waiting.push((reply) => {
				if (reply === 'network') reject(new TypeError('Failed to fetch'));
				else resolve(new Response(JSON.stringify(reply.body ?? { status: 'saved' }), { status: reply.status }));
			});
		});
	});
	const answer = async (reply: Reply) => {
		waiting.shift()!(reply);
		await vi.advanceTimersByTimeAsync(0);
	};
	return { fetch, sent, answer, pending: () => waiting.length };
}

describe('RatingSaver', () => {
	let net: ReturnType<typeof fakeFetch>;
	beforeEach(() => {
		vi.useFakeTimers();
		net = fakeFetch();
		vi.stubGlobal('fetch', net.fetch);
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('saves at once and shows saving, then saved', async () => {
		const saver = new RatingSaver('/api/w/ABCDEF/ratings');
		saver.save(2, 3);
		expect(saver.states[2]).toBe('saving');
		expect(net.sent).toEqual([{ area: 2, level: 3 }]);
		await net.answer({ status: 200 });
		expect(saver.states[2]).toBe('saved');
		expect(saver.saved[2]).toBe(3);
	});

	it('the last choice wins: choices made while one is in flight collapse into one request', async () => {
		const saver = new RatingSaver('/x');
		saver.save(1, 1);
		saver.save(1, 2);
		saver.save(1, 3);
		saver.save(1, null);
		expect(net.sent).toHaveLength(1);
		await net.answer({ status: 200 });
		expect(saver.states[1]).toBe('saving');
		expect(net.sent).toEqual([
			{ area: 1, level: 1 },
			{ area: 1, level: null }
		]);
		await net.answer({ status: 200 });
		expect(saver.states[1]).toBe('saved');
		expect(saver.saved[1]).toBeNull();
	});

	it('a delayed choice (arrow keys) waits, and a newer one restarts the wait', async () => {
		const saver = new RatingSaver('/x');
		saver.save(4, 2, 700);
		await vi.advanceTimersByTimeAsync(500);
		saver.save(4, 3, 700);
		await vi.advanceTimersByTimeAsync(500);
		expect(net.sent).toHaveLength(0);
		expect(saver.states[4]).toBe('saving');
		await vi.advanceTimersByTimeAsync(300);
		expect(net.sent).toEqual([{ area: 4, level: 3 }]);
	});

	it('a dropped connection retries with backoff, and retryNow sends at once', async () => {
		const saver = new RatingSaver('/x');
		saver.save(5, 4);
		await net.answer('network');
		expect(saver.states[5]).toBe('retrying');
		await vi.advanceTimersByTimeAsync(999);
		expect(net.sent).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(net.sent).toHaveLength(2);
		await net.answer({ status: 503 });
		expect(saver.states[5]).toBe('retrying');
		saver.retryNow();
		expect(net.sent).toHaveLength(3);
		await net.answer({ status: 200 });
		expect(saver.states[5]).toBe('saved');
		await vi.advanceTimersByTimeAsync(60_000);
		expect(net.sent).toHaveLength(3);
	});

	it('a closed area is final and keeps its error code; nothing is resent', async () => {
		const settled = vi.fn();
		const saver = new RatingSaver('/x', settled);
		saver.save(6, 2);
		await net.answer({ status: 409, body: { error: 'areaClosed' } });
		expect(saver.states[6]).toBe('refused');
		expect(saver.errors[6]).toBe('areaClosed');
		expect(6 in saver.saved).toBe(false);
		expect(settled).toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(net.sent).toHaveLength(1);
		saver.clear(6);
		expect(saver.states[6]).toBeUndefined();
	});
});
