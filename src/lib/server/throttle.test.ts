import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './throttle';

describe('the login throttle', () => {
	const setup = () => {
		let time = 0;
		const throttle = new LoginThrottle(3, 60_000, () => time);
		return { throttle, advance: (ms: number) => (time += ms) };
	};

	it('locks a key after the allowed number of failures, for the lock period', () => {
		const { throttle, advance } = setup();
		throttle.recordFailure('a');
		throttle.recordFailure('a');
		expect(throttle.retryAfter('a')).toBe(0);
		throttle.recordFailure('a');
		expect(throttle.retryAfter('a')).toBe(60_000);
		advance(59_000);
		expect(throttle.retryAfter('a')).toBe(1_000);
		advance(1_000);
		expect(throttle.retryAfter('a')).toBe(0);
	});

	it('keeps keys apart and forgets them after a success', () => {
		const { throttle } = setup();
		for (let i = 0; i < 3; i++) throttle.recordFailure('a');
		expect(throttle.retryAfter('b')).toBe(0);
		throttle.recordFailure('b');
		throttle.recordFailure('b');
		throttle.recordSuccess('b');
		throttle.recordFailure('b');
		expect(throttle.retryAfter('b')).toBe(0);
		expect(throttle.retryAfter('a')).toBeGreaterThan(0);
	});

	it('does not count failures older than one lock period', () => {
		const { throttle, advance } = setup();
		throttle.recordFailure('a');
		throttle.recordFailure('a');
		advance(61_000);
		throttle.recordFailure('a');
		expect(throttle.retryAfter('a')).toBe(0);
	});
});
