import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../platform/config';
import { eventStream } from './live';
import { StreamRegistry } from './stream-registry';

describe('the stream registry', () => {
	it('counts streams per key, refuses beyond each limit and frees a slot on release', () => {
		const registry = new StreamRegistry();
		const keys = (ballot: string) => [
			{ key: 'address:10.0.0.1', limit: 6 },
			{ key: `ballot:${ballot}`, limit: 4 }
		];
		const a = Array.from({ length: 4 }, () => registry.acquire(keys('a')));
		expect(a.every((release) => release !== null)).toBe(true);
		// The fifth stream of the same ballot is refused and takes no address slot.
		expect(registry.acquire(keys('a'))).toBeNull();
		expect(registry.count('address:10.0.0.1')).toBe(4);
		const b = [registry.acquire(keys('b')), registry.acquire(keys('b'))];
		// The address is full now (6), even for another ballot.
		expect(registry.acquire(keys('c'))).toBeNull();
		a[0]!();
		a[0]!(); // releasing twice frees one slot only
		expect(registry.count('address:10.0.0.1')).toBe(5);
		expect(registry.count('ballot:a')).toBe(3);
		expect(registry.acquire(keys('c'))).not.toBeNull();
		for (const release of [...a.slice(1), ...b]) release!();
		expect(registry.count('address:10.0.0.1')).toBe(1);
		expect(registry.size).toBe(2);
	});

	it('reads its limits from the environment', () => {
		expect(parseConfig({})).toMatchObject({ SSE_PER_ADDRESS: 400, SSE_PER_BALLOT: 4 });
		expect(parseConfig({ SSE_PER_ADDRESS: '50', SSE_PER_BALLOT: '2' })).toMatchObject({ SSE_PER_ADDRESS: 50, SSE_PER_BALLOT: 2 });
		expect(() => parseConfig({ SSE_PER_BALLOT: 'viele' })).toThrow(/SSE_PER_BALLOT/);
	});
});

describe('an event stream', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('unsubscribes and releases its slot once when the client closes it', async () => {
		const registry = new StreamRegistry();
		const release = registry.acquire([{ key: 'address:x', limit: 1 }])!;
		const unsubscribe = vi.fn();
		const response = eventStream(
			(send) => {
				send('state', { ok: true });
				return unsubscribe;
			},
			{ release }
		);
		const reader = response.body!.getReader();
		const first = new TextDecoder().decode((await reader.read()).value);
		expect(first).toContain('retry: 2000');
		expect(registry.count('address:x')).toBe(1);
		await reader.cancel();
		expect(unsubscribe).toHaveBeenCalledTimes(1);
		expect(registry.count('address:x')).toBe(0);
		expect(registry.size).toBe(0);
	});

	it('sends a heartbeat comment and closes a stream whose client stopped reading', async () => {
		vi.useFakeTimers();
		const release = vi.fn();
		const unsubscribe = vi.fn();
		const response = eventStream(() => unsubscribe, { release, heartbeatMs: 25_000, maxBacklog: 3 });
		const reader = response.body!.getReader();
		const decoder = new TextDecoder();
		let text = '';
		// Read what is there, then one heartbeat.
		text += decoder.decode((await reader.read()).value);
		await vi.advanceTimersByTimeAsync(25_000);
		text += decoder.decode((await reader.read()).value);
		expect(text).toContain(': keep-alive');
		expect(release).not.toHaveBeenCalled();
		// The client stops reading: heartbeats pile up until the backlog is too long, then the stream ends.
		await vi.advanceTimersByTimeAsync(25_000 * 6);
		expect(release).toHaveBeenCalledTimes(1);
		expect(unsubscribe).toHaveBeenCalledTimes(1);
		expect(vi.getTimerCount()).toBe(0);
	});
});
