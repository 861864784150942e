import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startApp } from './app';
import * as users from './db/users';
import * as municipalities from './db/municipalities';
import { verifyPassword } from './passwords';
import { DEMO_COORDINATOR, DEMO_MUNICIPALITY } from './seed';

const dirs: string[] = [];
afterEach(async () => {
	vi.restoreAllMocks();
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDatabase(): string {
	const dir = mkdtempSync(join(tmpdir(), 'selbstcheck-start-'));
	dirs.push(dir);
	return join(dir, 'start.db');
}

describe('starting the app', () => {
	it('in demo mode with INITIAL_ADMIN_* makes them the demo coordinator (finding 15)', async () => {
		vi.spyOn(console, 'log').mockImplementation(() => {});
		const app = await startApp({
			DATABASE_PATH: tempDatabase(),
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
});
