import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLiveStream, type EventSourceLike } from './stream';

/** An EventSource the test drives: it opens, fails and delivers events when told to. */
class FakeSource implements EventSourceLike {
	onopen: ((event: Event) => void) | null = null;
	onerror: ((event: Event) => void) | null = null;
	closed = false;
	readonly listeners = new Map<string, ((event: MessageEvent) => void)[]>();

	constructor(readonly url: string) {}

	addEventListener(type: string, listener: (event: MessageEvent) => void): void {
		this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
	}
	close(): void {
		this.closed = true;
	}
	open(): void {
		this.onopen?.(new Event('open'));
	}
	fail(): void {
		this.onerror?.(new Event('error'));
	}
	emit(type: string, data: unknown): void {
		for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data: JSON.stringify(data) }));
	}
}

describe('openLiveStream', () => {
	let sources: FakeSource[];
	const connect = (url: string) => {
		const source = new FakeSource(url);
		sources.push(source);
		return source;
	};
	const last = () => sources[sources.length - 1]!;
	// No jitter: every wait is half its ceiling (2 s → 1 s, 4 s → 2 s, …).
	const random = () => 0;

	beforeEach(() => {
		vi.useFakeTimers();
		sources = [];
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('hands each named event its parsed data and reports the open', () => {
		const states: unknown[] = [];
		const onOpen = vi.fn();
		openLiveStream('/api/w/ABC/events', { on: { state: (data) => states.push(data) }, onOpen, connect, random });
		expect(last().url).toBe('/api/w/ABC/events');
		last().open();
		last().emit('state', { status: 'open', openAreas: [1] });
		last().emit('rating', { joined: 3 });
		expect(onOpen).toHaveBeenCalledOnce();
		expect(states).toEqual([{ status: 'open', openAreas: [1] }]);
	});

	it('after an error closes the connection and opens a new one after the backoff', () => {
		const onError = vi.fn();
		openLiveStream('/events', { on: {}, onError, connect, random });
		const first = last();
		first.open();
		first.fail();
		expect(first.closed).toBe(true);
		expect(onError).toHaveBeenCalledOnce();
		expect(sources).toHaveLength(1);
		vi.advanceTimersByTime(999);
		expect(sources).toHaveLength(1);
		vi.advanceTimersByTime(1);
		expect(sources).toHaveLength(2);
	});

	it('doubles the wait after every failed attempt up to the ceiling, and starts over after an open', () => {
		openLiveStream('/events', { on: {}, connect, random, firstDelayMs: 2_000, maxDelayMs: 16_000 });
		const waits: number[] = [];
		for (let attempt = 0; attempt < 6; attempt++) {
			const before = sources.length;
			last().fail();
			let waited = 0;
			while (sources.length === before) {
				vi.advanceTimersByTime(100);
				waited += 100;
			}
			waits.push(waited);
		}
		// Half of 2, 4, 8, 16, 16, 16 seconds (random() = 0).
		expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);

		last().open();
		last().fail();
		const before = sources.length;
		vi.advanceTimersByTime(1_000);
		expect(sources).toHaveLength(before + 1);
	});

	it('spreads the waits of many devices between half and all of the ceiling', () => {
		openLiveStream('/events', { on: {}, connect, random: () => 0.999 });
		last().fail();
		vi.advanceTimersByTime(1_990);
		expect(sources).toHaveLength(1);
		vi.advanceTimersByTime(10);
		expect(sources).toHaveLength(2);
	});

	it('resyncs when the stream opens again after a break, not on the first open', () => {
		const onReconnect = vi.fn();
		const onOpen = vi.fn();
		openLiveStream('/events', { on: {}, onOpen, onReconnect, connect, random });
		last().open();
		expect(onReconnect).not.toHaveBeenCalled();
		last().fail();
		vi.advanceTimersByTime(1_000);
		last().open();
		expect(onOpen).toHaveBeenCalledTimes(2);
		expect(onReconnect).toHaveBeenCalledOnce();
	});

	it('resyncs when a first attempt that failed (e.g. 429) finally opens', () => {
		const onReconnect = vi.fn();
		openLiveStream('/events', { on: {}, onReconnect, connect, random });
		last().fail();
		vi.advanceTimersByTime(1_000);
		last().open();
		expect(onReconnect).toHaveBeenCalledOnce();
	});

	it('ignores whatever a replaced connection still delivers', () => {
		const states: unknown[] = [];
		const onOpen = vi.fn();
		openLiveStream('/events', { on: { state: (data) => states.push(data) }, onOpen, connect, random });
		const old = last();
		old.fail();
		vi.advanceTimersByTime(1_000);
		old.emit('state', { stale: true });
		old.open();
		expect(states).toEqual([]);
		expect(onOpen).not.toHaveBeenCalled();
		last().emit('state', { fresh: true });
		expect(states).toEqual([{ fresh: true }]);
	});

	it('close ends the connection and any pending reconnect for good', () => {
		const states: unknown[] = [];
		const stream = openLiveStream('/events', { on: { state: (data) => states.push(data) }, connect, random });
		const first = last();
		first.open();
		stream.close();
		expect(first.closed).toBe(true);
		first.emit('state', {});
		expect(states).toEqual([]);

		const second = openLiveStream('/events', { on: {}, connect, random });
		last().fail();
		second.close();
		vi.advanceTimersByTime(60_000);
		expect(sources).toHaveLength(2);
	});

	it('reconnects at once when the network is back, instead of waiting out the backoff', () => {
		const network = new EventTarget();
		const stream = openLiveStream('/api/w/ABC/events', { on: {}, connect, random, network });
		for (let i = 0; i < 4; i++) {
			last().fail();
			vi.advanceTimersByTime(60_000);
		}
		last().fail();
		const before = sources.length;
		vi.advanceTimersByTime(5_000);
		expect(sources.length).toBe(before);
		network.dispatchEvent(new Event('online'));
		expect(sources.length).toBe(before + 1);
		// Online while connected or after close: nothing happens.
		last().open();
		network.dispatchEvent(new Event('online'));
		stream.close();
		network.dispatchEvent(new Event('online'));
		expect(sources.length).toBe(before + 1);
	});
});
