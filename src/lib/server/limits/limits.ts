import { getApp } from '../platform/app';
import type { Config } from '../platform/config';
import type { Db } from '../db';
import { StreamRegistry, type StreamKey } from '../realtime/stream-registry';

/*
 * The live-stream slots of this instance, made once from its configuration. Client addresses live
 * only here, in memory. Stream caps are per instance even with several instances (a stream is a
 * connection to one of them); new ballots per address are counted where instances.ts decides
 * (memory, or the database shared by all instances, as a keyed hash).
 */
let limits: { config: Config; streams: StreamRegistry } | undefined;

function current() {
	const { config } = getApp();
	if (!limits || limits.config !== config) {
		limits = { config, streams: new StreamRegistry() };
	}
	return limits;
}

/**
 * Admits one new ballot for a workshop from a client address (BALLOTS_PER_ADDRESS_PER_MINUTE).
 * `trx` is the join's transaction, for a store that wants to count inside it.
 */
export function admitNewBallot(trx: Db, workshopId: number, address: string): boolean | Promise<boolean> {
	return getApp().admitBallot(trx, `${workshopId}\u0000${address}`);
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
