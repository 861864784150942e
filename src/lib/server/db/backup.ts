import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';

/**
 * Copies a SQLite database into `target` with SQLite's online backup API (better-sqlite3's
 * `backup`): consistent while the app keeps reading and writing, WAL included. `target` must not
 * exist yet. Returns the number of pages copied.
 */
export async function backupSqlite(source: string, target: string): Promise<number> {
	if (!existsSync(source)) throw new Error(`Keine Datenbank unter ${source}`);
	if (existsSync(target)) throw new Error(`${target} gibt es schon; wählen Sie einen neuen Dateinamen`);
	mkdirSync(dirname(target), { recursive: true });
	const db = new SQLite(source, { readonly: true, fileMustExist: true });
	try {
		const { totalPages } = await db.backup(target);
		// One self-contained file (the copy inherits WAL mode, which would add -wal/-shm files on opening).
		const copy = new SQLite(target);
		copy.pragma('journal_mode = DELETE');
		copy.close();
		return totalPages;
	} finally {
		db.close();
	}
}

/**
 * Restores a backup into `target` (the app must be stopped). The backup is checked first (a SQLite
 * file that passes `integrity_check` and was made by this app's migrations). An existing `target`
 * is kept beside it as `<target>.before-restore-<time>` — nothing is overwritten for good. Returns
 * that file's name, if there was one.
 */
export async function restoreSqlite(backup: string, target: string): Promise<string | undefined> {
	const source = new SQLite(backup, { readonly: true, fileMustExist: true });
	let kept: string | undefined;
	try {
		const check = source.pragma('integrity_check', { simple: true });
		if (check !== 'ok') throw new Error(`${backup} ist beschädigt (integrity_check: ${String(check)})`);
		const migrations = source.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get() as { n: number };
		if (migrations.n === 0) throw new Error(`${backup} ist keine Sicherung dieser Anwendung (keine Tabelle kysely_migration)`);
		mkdirSync(dirname(target), { recursive: true });
		if (existsSync(target)) {
			kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
			renameSync(target, kept);
			// A WAL or shared-memory file of the old database belongs to it, not to the restored one.
			for (const suffix of ['-wal', '-shm']) {
				if (existsSync(target + suffix)) renameSync(target + suffix, kept + suffix);
			}
		}
		await source.backup(target);
	} catch (err) {
		// Put the old database back where it was.
		if (kept) {
			rmSync(target, { force: true });
			renameSync(kept, target);
			for (const suffix of ['-wal', '-shm']) if (existsSync(kept + suffix)) renameSync(kept + suffix, target + suffix);
		}
		throw err;
	} finally {
		source.close();
	}
	return kept;
}
