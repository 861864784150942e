import { describe } from 'vitest';
import { findPgBin, startPgCluster, type PgCluster } from '../../../../scripts/pg-cluster';
import { openPostgres, type Db } from '../db';

/**
 * PostgreSQL for vitest: a throw-away cluster (scripts/pg-cluster.ts) when the binaries are there.
 * Without them the PostgreSQL tests are skipped with a loud notice — except under CI=true, where
 * they fail: CI must prove both stores.
 */
export const hasPostgres = findPgBin() !== undefined;

export const describePg: typeof describe = (() => {
	if (hasPostgres) return describe;
	if (process.env.CI === 'true') {
		throw new Error('CI=true but no PostgreSQL binaries (initdb, pg_ctl): install postgresql or set PG_BIN');
	}
	console.warn('\n*** PostgreSQL binaries not found: the PostgreSQL tests are SKIPPED (set PG_BIN or install postgresql) ***\n');
	return describe.skip;
})() as typeof describe;

/** The app's Kysely on a cluster's database (a pool of `max` connections). */
export function openPostgresForTest(url: string, max = 10): Db {
	return openPostgres(url, max);
}

export type { PgCluster };
export { startPgCluster };
