import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServer, TEMPLATE_ENV } from './fixtures';

/*
 * Seeds the demo once into a template database file; every test server then starts on a copy of it
 * (tests/fixtures.ts `startServer`) instead of migrating and seeding on its own. PostgreSQL runs
 * (TEST_DATABASE_URL) keep seeding each server's database.
 */
export default async function globalSetup(): Promise<(() => void) | undefined> {
	if (process.env.TEST_DATABASE_URL) return undefined;
	const databasePath = join(new URL('..', import.meta.url).pathname, 'tests', '.tmp', `template-${process.pid}.db`);
	const { process: child } = await startServer('template', {}, { template: false, databasePath });
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	await exited;
	// Fold the write-ahead log into the file, so a plain copy of the one file is the whole database.
	const db = new Database(databasePath);
	db.pragma('wal_checkpoint(TRUNCATE)');
	db.pragma('journal_mode = DELETE');
	db.close();
	for (const suffix of ['-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
	process.env[TEMPLATE_ENV] = databasePath;
	return () => rmSync(databasePath, { force: true });
}
