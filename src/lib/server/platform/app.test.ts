import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startApp } from './app';
import * as users from '../db/users';
import * as municipalities from '../db/municipalities';
import { verifyPassword } from '../accounts/passwords';
import { DEMO_COORDINATOR, DEMO_MUNICIPALITY } from '../seed/seed';
import { createPostgresTestDatabase, TEST_DATABASE_URL } from '../db/testing';
import { ConfigError } from './config';

const dirs: string[] = [];
const dropDatabases: (() => Promise<void>)[] = [];
afterEach(async () => {
	vi.restoreAllMocks();
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	for (const drop of dropDatabases.splice(0)) await drop();
});

/** An empty store for a start: a temp SQLite file, or with TEST_DATABASE_URL an empty PostgreSQL database. */
async function emptyStore(): Promise<Record<string, string>> {
	if (!TEST_DATABASE_URL) return { DATABASE_PATH: tempDatabase() };
	const database = await createPostgresTestDatabase(TEST_DATABASE_URL);
	dropDatabases.push(database.drop);
	return { DATABASE_URL: database.url };
}

function tempDatabase(): string {
	const dir = mkdtempSync(join(tmpdir(), 'selbstcheck-start-'));
	dirs.push(dir);
	return join(dir, 'start.db');
}

describe('starting the app', () => {
	it('in demo mode with INITIAL_ADMIN_* makes them the demo coordinator (finding 15)', async () => {
		vi.spyOn(console, 'log').mockImplementation(() => {});
		const app = await startApp({
			...(await emptyStore()),
			MIGRATE_ON_START: '1',
			SEED_DEMO: '1',
			INITIAL_ADMIN_EMAIL: 'Chefin@Kommune.example',
			INITIAL_ADMIN_PASSWORD: 'ein-eigenes-Passwort-2026'
		});
		try {
			const admin = await users.findUserByEmail(app.db, 'chefin@kommune.example');
			expect(admin).toBeDefined();
			expect(await verifyPassword('ein-eigenes-Passwort-2026', admin!.password_hash)).toBe(true);
			const municipality = await municipalities.findMunicipalityByName(app.db, DEMO_MUNICIPALITY);
			expect(await municipalities.findRole(app.db, admin!.id, municipality!.id)).toBe('coordinator');
			// The demo staff keep the demo password, not the operator's own.
			const staff = await users.findUserByEmail(app.db, 'integration@musterstadt.example');
			expect(await verifyPassword(DEMO_COORDINATOR.password, staff!.password_hash)).toBe(true);
			// The built-in demo coordinator is not created beside them.
			expect(await users.findUserByEmail(app.db, DEMO_COORDINATOR.email)).toBeUndefined();
			// The demo is complete: the settled answers are attributed to the configured coordinator.
			const agreed = await app.db.selectFrom('agreed_answer').select('set_by').where('automatic', '=', 0).execute();
			expect(agreed.length).toBeGreaterThanOrEqual(2);
			expect(agreed.every((row) => row.set_by === admin!.id)).toBe(true);
			expect(await app.db.selectFrom('workshop').select('id').execute()).toHaveLength(1);
		} finally {
			await app.db.destroy();
		}
	}, 30_000); // seeds the whole demo (and the demo operator): several password hashes on a shared machine

	it('without MIGRATE_ON_START migrates a SQLite file, and refuses an unmigrated PostgreSQL database naming `npm run db:migrate`', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const store = await emptyStore();
		if (store.DATABASE_URL) {
			await expect(startApp(store)).rejects.toThrow(ConfigError);
			await expect(startApp(store)).rejects.toThrow(/npm run db:migrate/);
		} else {
			const app = await startApp(store);
			expect(await app.db.selectFrom('workshop').select('id').execute()).toEqual([]);
			await app.db.destroy();
		}
	});
});
