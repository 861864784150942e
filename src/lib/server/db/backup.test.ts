import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workshopSetup } from '../testing/outcomes';
import { join as joinWorkshop, rate, setAreas } from '../workshops/workshops';
import { backupSqlite, restoreSqlite } from './backup';
import { openSqlite } from './index';
import { createSqliteTestDb } from './testing';
import * as store from './workshops';

// SQLite only: a PostgreSQL database is backed up with pg_dump/pg_restore (README).
let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'selbstcheck-backup-'));
});
afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore of the SQLite file', () => {
	it('backs up a database with a rating while it is open, restores it into a new file and reads the rating back', async () => {
		const live = await createSqliteTestDb(join(dir, 'live.db'));
		const { workshop } = await workshopSetup(live, [1]);
		await setAreas(live, workshop.id, [1], true);
		const token = await joinWorkshop(live, workshop, undefined, 'Politik');
		await rate(live, workshop.id, token, 1, 3);

		// The app keeps its connection open (and in WAL mode, the rating may sit in the WAL only).
		const pages = await backupSqlite(join(dir, 'live.db'), join(dir, 'backup.db'));
		expect(pages).toBeGreaterThan(0);
		await rate(live, workshop.id, token, 1, 4);
		await live.destroy();

		expect(await restoreSqlite(join(dir, 'backup.db'), join(dir, 'restored.db'))).toBeUndefined();
		const restored = openSqlite(join(dir, 'restored.db'));
		try {
			expect(await store.listRatings(restored, workshop.id)).toEqual([expect.objectContaining({ area: 1, level: 3, group: 'Politik' })]);
		} finally {
			await restored.destroy();
		}
	});

	it('keeps the database it replaces beside it, and refuses a file that is no backup of this app', async () => {
		const first = await createSqliteTestDb(join(dir, 'a.db'));
		await first.destroy();
		await backupSqlite(join(dir, 'a.db'), join(dir, 'a-backup.db'));
		await expect(backupSqlite(join(dir, 'a.db'), join(dir, 'a-backup.db'))).rejects.toThrow(/gibt es schon/);

		const kept = await restoreSqlite(join(dir, 'a-backup.db'), join(dir, 'a.db'));
		expect(kept).toMatch(/a\.db\.before-restore-/);
		expect(existsSync(kept!)).toBe(true);

		const other = openSqlite(join(dir, 'other.db'));
		await other.destroy();
		await expect(restoreSqlite(join(dir, 'other.db'), join(dir, 'a.db'))).rejects.toThrow(/keine Sicherung/);
		expect(existsSync(join(dir, 'a.db'))).toBe(true);
	});
});
