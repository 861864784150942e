import type { Db } from '../db';
import { StreamRegistry, type StreamKey } from '../realtime/stream-registry';

/**
 * Admits one new ballot for the key (workshop and address); `trx` is the join's transaction, for a
 * store that wants to count inside it. Memory or the database shared by all instances, as
 * platform/instances.ts decides (there as a keyed hash).
 */
export type AdmitBallot = (trx: Db, key: string) => boolean | Promise<boolean>;

/** Admits one new ballot for a workshop from a client address (BALLOTS_PER_ADDRESS_PER_MINUTE). */
export function admitNewBallot(admit: AdmitBallot, trx: Db, workshopId: number, address: string): boolean | Promise<boolean> {
	return admit(trx, `${workshopId}\u0000${address}`);
}

/**
 * The live-stream slots of one instance. Client addresses live only here, in memory. Stream caps
 * are per instance even with several instances: a stream is a connection to one of them.
 */
export class StreamLimits {
	readonly #streams = new StreamRegistry();

	constructor(
		private readonly perAddress: number,
		private readonly perBallot: number
	) {}

	/**
	 * A slot for a new live stream from a client address (SSE_PER_ADDRESS) and, for a participant
	 * with a ballot cookie, that ballot (SSE_PER_BALLOT); null when one of them is at its limit.
	 */
	acquire(address: string, ballotTokenHash?: string): (() => void) | null {
		const keys: StreamKey[] = [{ key: `address:${address}`, limit: this.perAddress }];
		if (ballotTokenHash) keys.push({ key: `ballot:${ballotTokenHash}`, limit: this.perBallot });
		return this.#streams.acquire(keys);
	}
}
