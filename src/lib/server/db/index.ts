import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
	CompiledQuery,
	Kysely,
	Migrator,
	PostgresDialect,
	SqliteDialect,
	sql,
	type Migration,
	type MigrationProvider,
	type SqliteDatabase
} from 'kysely';
import { isPostgres } from '../../../../db/dialect';
import type { StoreConfig } from '../platform/config';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/**
 * Opens the configured store: the SQLite file, or a pool of PostgreSQL connections. One instance
 * per process: the app holds it in `$lib/server/app`, tests create their own.
 */
export function openDatabase(store: StoreConfig): Db {
	return store.kind === 'postgres' ? openPostgres(store.url, store.poolSize) : openSqlite(store.path);
}

const INT8_OID = 20;

/**
 * `pg` returns bigint (int8) as text, because it may exceed 2^53. The app's int8 values are counts
 * (`count(*)` is bigint in PostgreSQL), far below that: they come back as numbers, like on SQLite,
 * and one that is not a safe integer is an error rather than a silently rounded figure. Other types
 * keep pg's defaults (integers are int4, timestamps are ISO text columns, no numeric is stored).
 */
function parseInt8(text: string): number {
	const value = Number(text);
	if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} is beyond 2^53`);
	return value;
}

const pgTypes = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
		oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
};

/** A Kysely over a `pg` pool of at most `poolSize` connections. */
export function openPostgres(url: string, poolSize: number): Db {
	const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes });
	// An idle connection that the server drops (restart, failover) is reported here; without a
	// listener the process would die. The next query opens a fresh connection.
	pool.on('error', (err) => console.error(`PostgreSQL: idle connection lost: ${err.message}`));
	return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * A small pool of at most 4 connections with synchronous_commit off and pg's default type parsers,
 * for the shared limits (see platform/instances.ts): a commit there does not wait for a disk flush.
 */
export function openLimitsPostgres(url: string): Db {
	const pool = new pg.Pool({ connectionString: url, max: 4, options: '-c synchronous_commit=off', application_name: 'selbstcheck-limits' });
	// An idle connection dropped by a database restart: without a listener the process would die.
	pool.on('error', (err) => console.error(`PostgreSQL (limits): idle connection lost: ${err.message}`));
	return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Opens the SQLite file (or ':memory:') with the pragmas every connection needs. */
export function openSqlite(path: string): Db {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	return new Kysely<Database>({
		dialect: new SqliteDialect({
			database: withStatementCache(sqlite),
			onCreateConnection: async (connection) => {
				for (const pragma of PRAGMAS) await connection.executeQuery(CompiledQuery.raw(pragma));
			}
		})
	});
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; preparing costs as much as running a small statement. Kysely's
 * SQL is parameterised, so the same text recurs and its prepared statement can be reused.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
	const cache = new Map<string, SQLite.Statement>();
	return {
		close: () => sqlite.close(),
		prepare(sql: string) {
			let statement = cache.get(sql);
			if (!statement) {
				if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
				statement = sqlite.prepare(sql);
				cache.set(sql, statement);
			}
			return statement;
		}
	};
}

// WAL lets readers run beside the writer; FULL syncs every commit, so an acknowledged write survives a power cut.
const PRAGMAS = [
	'pragma journal_mode = WAL',
	'pragma foreign_keys = ON',
	'pragma busy_timeout = 5000',
	'pragma synchronous = FULL'
];

/**
 * SQLite's sync level for this connection: OFF skips the fsync per commit (for a seed that is rebuilt
 * rather than recovered), FULL is what the app runs with. PostgreSQL: nothing.
 */
export async function setSqliteSync(db: Db, level: 'OFF' | 'FULL'): Promise<void> {
	if (isPostgres(db)) return;
	await sql.raw(`pragma synchronous = ${level}`).execute(db);
}

/** Whether the store answers a trivial query (the health check). */
export async function isReachable(db: Db): Promise<boolean> {
	try {
		await sql`select 1`.execute(db);
		return true;
	} catch {
		return false;
	}
}

/** The migrations in db/migrations, bundled by Vite so the built server needs no folder at run time. */
export const migrationProvider: MigrationProvider = {
	async getMigrations() {
		const modules = import.meta.glob<Migration>('/db/migrations/*.ts', { eager: true });
		return Object.fromEntries(
			Object.entries(modules).map(([path, module]) => [path.split('/').pop()!.replace(/\.ts$/, ''), module])
		);
	}
};

/** The migrations not yet applied to this database, by name. */
export async function pendingMigrations(db: Db, provider = migrationProvider): Promise<string[]> {
	const migrations = await new Migrator({ db, provider }).getMigrations();
	return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** Applies every pending migration and returns their names; throws (with the migration's own error) if one fails. */
export async function migrate(db: Db, provider = migrationProvider): Promise<string[]> {
	const migrator = new Migrator({ db, provider });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) {
		throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
	}
	return (results ?? []).map((r) => r.migrationName);
}
