import { getApp } from './app';
import type { Config } from './config';
import { SlidingWindowLimiter } from './rate-window';
import { StreamRegistry, type StreamKey } from './stream-registry';

/*
 * The in-memory limits of the running server, made once from its configuration. Client addresses
 * live only here, in memory, never in the database.
 */
let limits: { config: Config; ballots: SlidingWindowLimiter; streams: StreamRegistry } | undefined;

function current() {
	const { config } = getApp();
	if (!limits || limits.config !== config) {
		limits = {
			config,
			ballots: new SlidingWindowLimiter(config.BALLOTS_PER_ADDRESS_PER_MINUTE, 60_000),
			streams: new StreamRegistry()
		};
	}
	return limits;
}

/** Admits one new ballot for a workshop from a client address (BALLOTS_PER_ADDRESS_PER_MINUTE). */
export function admitNewBallot(workshopId: number, address: string): boolean {
	return current().ballots.take(`${workshopId}\u0000${address}`);
}

/**
 * A slot for a new live stream from a client address (SSE_PER_ADDRESS) and, for a participant
 * with a ballot cookie, that ballot (SSE_PER_BALLOT); null when one of them is at its limit.
 */
export function acquireStream(address: string, ballotTokenHash?: string): (() => void) | null {
	const { config, streams } = current();
	const keys: StreamKey[] = [{ key: `address:${address}`, limit: config.SSE_PER_ADDRESS }];
	if (ballotTokenHash) keys.push({ key: `ballot:${ballotTokenHash}`, limit: config.SSE_PER_BALLOT });
	return streams.acquire(keys);
}
