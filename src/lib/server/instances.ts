import pg from 'pg';
import { isPostgres } from '../../../db/dialect';
import { PostgresBus } from './bus-postgres';
import type { Config } from './config';
import type { Db } from './db';
import { sharedSecret } from './db/shared-limits';
import { InProcessBus, useTransport } from './live';
import type { LoginThrottles } from './login';
import type { CodeThrottles } from './participant';
import { SlidingWindowLimiter } from './rate-window';
import { DbThrottle, DbWindowLimiter, keyHasher } from './shared-throttle';
import { MemoryThrottle } from './throttle';

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
	/** Admits one new ballot for the key (workshop and address); `trx` is the join's transaction. */
	admitBallot: (trx: Db, key: string) => boolean | Promise<boolean>;
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
	const ballots = new DbWindowLimiter('ballots', config.BALLOTS_PER_ADDRESS_PER_MINUTE, 60_000, hash);
	const bus = new PostgresBus<unknown>({
		connect: () => new pg.Client({ connectionString: databaseUrl, keepAlive: true, application_name: 'selbstcheck-live' })
	});
	await bus.ready();
	useTransport(bus);
	return {
		kind: 'database',
		loginThrottle: {
			account: new DbThrottle(db, 'login-account', config.LOGIN_MAX_FAILURES, loginLockMs, hash),
			address: new DbThrottle(db, 'login-address', config.LOGIN_MAX_FAILURES * ADDRESS_FACTOR, loginLockMs, hash)
		},
		codeThrottle: {
			address: new DbThrottle(db, 'code-address', config.JOIN_CODE_MAX_FAILURES, 10 * 60_000, hash),
			global: new DbThrottle(db, 'code-global', config.JOIN_CODE_GLOBAL_PER_MINUTE, 60_000, hash)
		},
		admitBallot: (trx, key) => ballots.take(trx, key),
		close: () => bus.close()
	};
}
