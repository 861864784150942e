import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider, type SqliteDatabase } from 'kysely';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/**
 * Opens the SQLite file (or ':memory:') with the pragmas every connection needs.
 * One instance per process: the app holds it in `$lib/server/app`, tests create their own.
 */
export function openDatabase(path: string): Db {
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

/** The migrations in db/migrations, bundled by Vite so the built server needs no folder at run time. */
export const migrationProvider: MigrationProvider = {
	async getMigrations() {
		const modules = import.meta.glob<Migration>('/db/migrations/*.ts', { eager: true });
		return Object.fromEntries(
			Object.entries(modules).map(([path, module]) => [path.split('/').pop()!.replace(/\.ts$/, ''), module])
		);
	}
};

/** Applies every pending migration; throws (with the migration's own error) if one fails. */
export async function migrate(db: Db): Promise<void> {
	const migrator = new Migrator({ db, provider: migrationProvider });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) {
		throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
	}
}
