import pg from 'pg';
import { isPostgres } from '../../../../db/dialect';
import { PostgresBus } from '../realtime/bus-postgres';
import type { Config } from './config';
import { openLimitsPostgres, type Db } from '../db';
import { sharedSecret } from '../db/shared-limits';
import { InProcessBus, useTransport } from '../realtime/live';
import type { CodeThrottles, LoginThrottles } from '../limits/throttle';
import type { AdmitBallot } from '../limits/limits';
import { SlidingWindowLimiter } from '../limits/rate-window';
import { DbThrottle, DbWindowLimiter, keyHasher } from '../limits/shared-throttle';
import { MemoryThrottle } from '../limits/throttle';

/**
 * What several app instances on one PostgreSQL database must share, and what one SQLite process
 * keeps in memory. Decided by the store the configuration opened (DATABASE_URL → PostgreSQL):
 * - the event bus: LISTEN/NOTIFY (bus-postgres.ts), or in memory;
 * - failed logins, wrong join codes, new ballots per address: in the shared_limit table, or in
 *   memory — one process answers them without a database round trip, and a restart forgetting
 *   them only ever helps the legitimate user.
 * Per instance in both cases: the open live streams and their caps per address and ballot
 * (limits.ts), and the live counts, which every instance loads from the store and moves by the bus.
 */
export interface SharedParts {
	kind: 'memory' | 'database';
	loginThrottle: LoginThrottles;
	codeThrottle: CodeThrottles;
	/** New ballots per workshop and address; `trx` (the join's transaction) is unused by both stores today. */
	admitBallot: AdmitBallot;
	/** Stops the bus's connections (tests, shutdown). */
	close(): Promise<void>;
}

const ADDRESS_FACTOR = 10;

export async function sharedParts(config: Config, db: Db, databaseUrl: string | undefined): Promise<SharedParts> {
	const loginLockMs = config.LOGIN_LOCK_MINUTES * 60_000;
	if (!databaseUrl || !isPostgres(db)) {
		useTransport(new InProcessBus<unknown>());
		const ballots = new SlidingWindowLimiter(config.BALLOTS_PER_ADDRESS_PER_MINUTE, 60_000);
		return {
			kind: 'memory',
			loginThrottle: {
				account: new MemoryThrottle(config.LOGIN_MAX_FAILURES, loginLockMs),
				address: new MemoryThrottle(config.LOGIN_MAX_FAILURES * ADDRESS_FACTOR, loginLockMs)
			},
			codeThrottle: {
				address: new MemoryThrottle(config.JOIN_CODE_MAX_FAILURES, 10 * 60_000),
				global: new MemoryThrottle(config.JOIN_CODE_GLOBAL_PER_MINUTE, 60_000)
			},
			admitBallot: (_trx, key) => ballots.take(key),
			close: async () => {}
		};
	}
	const hash = keyHasher(await sharedSecret(db));
	/*
	 * The limits write to a few hot rows (the global code budget, a town hall's address). On their
	 * own small pool with synchronous_commit off, a row lock is held for microseconds instead of a
	 * disk flush; a count lost in a crash only helps the user. Ballots, ratings and everything
	 * acknowledged keep the main pool and a flushed commit.
	 */
	const limitsDb = openLimitsPostgres(databaseUrl);
	const ballots = new DbWindowLimiter('ballots', config.BALLOTS_PER_ADDRESS_PER_MINUTE, 60_000, hash);
	const bus = new PostgresBus<unknown>({
		connect: () => new pg.Client({ connectionString: databaseUrl, keepAlive: true, application_name: 'selbstcheck-live' })
	});
	await bus.ready();
	useTransport(bus);
	const close = async () => {
		await bus.close();
		await limitsDb.destroy();
	};
	// adapter-node's graceful stop: the listening connection and the limits pool would keep the
	// process alive after the last request.
	process.once('sveltekit:shutdown', () => void close());
	return {
		kind: 'database',
		loginThrottle: {
			account: new DbThrottle(limitsDb, 'login-account', config.LOGIN_MAX_FAILURES, loginLockMs, hash),
			address: new DbThrottle(limitsDb, 'login-address', config.LOGIN_MAX_FAILURES * ADDRESS_FACTOR, loginLockMs, hash)
		},
		codeThrottle: {
			address: new DbThrottle(limitsDb, 'code-address', config.JOIN_CODE_MAX_FAILURES, 10 * 60_000, hash),
			global: new DbThrottle(limitsDb, 'code-global', config.JOIN_CODE_GLOBAL_PER_MINUTE, 60_000, hash)
		},
		// Counted on the limits pool, not in the join's transaction: the row lock must not wait for
		// the ballot's flushed commit (a refused join after admission keeps its count — rare, harmless).
		admitBallot: (_trx, key) => ballots.take(limitsDb, key),
		close
	};
}
