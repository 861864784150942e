import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { migrate, migrationProvider, openPostgres, openSqlite, type Db } from './index';

/**
 * The PostgreSQL server the db tests run on instead of SQLite (`scripts/with-postgres.sh` starts a
 * throw-away one and sets it); unset: SQLite. The address names a database to connect to for
 * creating and dropping the tests' own databases (e.g. postgres://app@127.0.0.1:54329/postgres).
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** Which store the tests run on, for the few tests that check something only one store has. */
export const testStore: 'sqlite' | 'postgres' = TEST_DATABASE_URL ? 'postgres' : 'sqlite';

/**
 * A fresh database built by the real migrations, for vitest: SQLite in memory (or the file `path`),
 * or with TEST_DATABASE_URL a new PostgreSQL database of its own, dropped again by `db.destroy()`.
 */
export async function createTestDb(path = ':memory:'): Promise<Db> {
	if (TEST_DATABASE_URL && path === ':memory:') return filesDatabase(TEST_DATABASE_URL);
	return createSqliteTestDb(path);
}

/**
 * The test file's own PostgreSQL database, emptied for each test. Creating a database takes
 * 0.2–1 s on a busy machine, `truncate` of every table half of that; deleting the few rows a test
 * made and restarting the identity columns (ids start at 1 as in a fresh database) takes a few
 * milliseconds. A test that holds it while asking for another gets a database of its own.
 * `dropFileDatabase` (vitest.setup.ts, after each file) drops it.
 */
let fileDatabase: { name: string; emptyAll: string | undefined; inUse: boolean } | undefined;

async function filesDatabase(serverUrl: string): Promise<Db> {
	if (fileDatabase?.inUse) {
		return openTestDatabase(serverUrl, await createDatabase(serverUrl, await migratedTemplate(serverUrl)));
	}
	if (!fileDatabase) {
		const name = await createDatabase(serverUrl, await migratedTemplate(serverUrl));
		fileDatabase = { name, emptyAll: undefined, inUse: false };
	}
	const own = fileDatabase;
	own.inUse = true;
	const db = openPostgres(databaseUrl(serverUrl, own.name), 10);
	own.emptyAll ??= await emptyingStatement(db);
	await sql.raw(own.emptyAll).execute(db);
	const destroy = db.destroy.bind(db);
	db.destroy = async () => {
		await destroy();
		own.inUse = false;
	};
	return db;
}

/**
 * One statement that deletes every row of the app's tables (children before the tables they
 * reference) and restarts every identity column at 1.
 */
async function emptyingStatement(db: Db): Promise<string> {
	const tables = (
		await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'`.execute(db)
	).rows.map((r) => r.name);
	const references = (
		await sql<{ child: string; parent: string }>`
			select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
			from pg_constraint c where c.contype = 'f' and c.conrelid <> c.confrelid`.execute(db)
	).rows.map((r) => ({ child: r.child.replace(/"/g, ''), parent: r.parent.replace(/"/g, '') }));
	const ordered: string[] = [];
	const remaining = new Set(tables);
	while (remaining.size > 0) {
		// A table may go once no remaining table references it.
		const next = [...remaining].filter((t) => !references.some((r) => r.parent === t && remaining.has(r.child)));
		if (next.length === 0) throw new Error(`Circular foreign keys among ${[...remaining].join(', ')}`);
		for (const t of next.sort()) {
			ordered.push(t);
			remaining.delete(t);
		}
	}
	const deletes = ordered.map((t) => `delete from "${t}";`).join(' ');
	const restart =
		"perform setval(pg_get_serial_sequence(format('%I', table_name), column_name), 1, false) " +
		"from information_schema.columns where table_schema = 'public' and is_identity = 'YES';";
	return `do $$ begin ${deletes} ${restart} end $$`;
}

/** Drops the test file's PostgreSQL database, if it made one. */
export async function dropFileDatabase(): Promise<void> {
	if (!TEST_DATABASE_URL || !fileDatabase) return;
	const { name } = fileDatabase;
	fileDatabase = undefined;
	await adminQuery(TEST_DATABASE_URL, `drop database if exists ${name} with (force)`);
}

/** Like `createTestDb`, without running the migrations (for tests of a migration itself). */
export async function createEmptyTestDb(path = ':memory:'): Promise<Db> {
	if (TEST_DATABASE_URL && path === ':memory:') return openTestDatabase(TEST_DATABASE_URL, await createDatabase(TEST_DATABASE_URL));
	return openSqlite(path);
}

/** A migrated test database on SQLite, whatever TEST_DATABASE_URL says (for SQLite-only checks). */
export async function createSqliteTestDb(path = ':memory:'): Promise<Db> {
	const db = openSqlite(path);
	await migrate(db);
	return db;
}

/**
 * An empty PostgreSQL database on the test server for a test that opens it itself (e.g. through the
 * app's start with DATABASE_URL). Returns its address and a function that drops it.
 */
export async function createPostgresTestDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
	const name = await createDatabase(serverUrl);
	return { url: databaseUrl(serverUrl, name), drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`) };
}

/** Creates t_<random> on the server (a copy of `template` if given) and returns its name. */
async function createDatabase(serverUrl: string, template?: string): Promise<string> {
	const name = `t_${randomBytes(6).toString('hex')}`;
	await adminQuery(serverUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
	return name;
}

function databaseUrl(serverUrl: string, name: string): string {
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

/**
 * Opens a test database with a pool of 10 connections (so tests that race requests really run them
 * in parallel). Its `destroy()` closes the pool and drops the database, so every test leaves the
 * server as it found it.
 */
function openTestDatabase(serverUrl: string, name: string): Db {
	const db = openPostgres(databaseUrl(serverUrl, name), 10);
	const destroy = db.destroy.bind(db);
	db.destroy = async () => {
		await destroy();
		await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
	};
	return db;
}

let template: Promise<string> | undefined;

/**
 * A database the real migrations built once per server and migration set, copied for every test
 * (`create database … template`): copying takes a fraction of running a dozen migrations. Test
 * files run in parallel workers, so the first one builds it under an advisory lock, under a
 * temporary name that is renamed only when complete.
 */
function migratedTemplate(serverUrl: string): Promise<string> {
	template ??= (async () => {
		const migrations = await migrationProvider.getMigrations();
		const fingerprint = createHash('sha256');
		for (const [name, migration] of Object.entries(migrations).sort(([a], [b]) => a.localeCompare(b))) {
			fingerprint.update(name).update(String(migration.up));
		}
		const digest = fingerprint.digest('hex');
		const name = `tpl_${digest.slice(0, 16)}`;
		const lockKey = Number.parseInt(digest.slice(0, 8), 16) | 0;
		const client = new pg.Client({ connectionString: serverUrl });
		await client.connect();
		try {
			await client.query('select pg_advisory_lock($1)', [lockKey]);
			const found = await client.query('select 1 from pg_database where datname = $1', [name]);
			if (found.rowCount === 0) {
				const building = await createDatabase(serverUrl);
				const db = openPostgres(databaseUrl(serverUrl, building), 1);
				try {
					await migrate(db);
				} finally {
					await db.destroy();
				}
				await client.query(`alter database ${building} rename to ${name}`);
			}
		} finally {
			await client.end();
		}
		return name;
	})();
	return template;
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}
