// Database operations on the configured store (DATABASE_URL → PostgreSQL, else DATABASE_PATH → SQLite):
//   npm run db:migrate                   apply pending migrations (both stores)
//   npm run db:backup -- <file>          SQLite: online backup into a new file, while the app runs
//   npm run db:restore -- <file>         SQLite: restore a backup (stop the app first); the old file is kept
// PostgreSQL is backed up with pg_dump -Fc and restored with pg_restore (README, "Datenbank").
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { FileMigrationProvider } from 'kysely';
import { ConfigError, describeStore, parseConfig, storeOf } from '../src/lib/server/platform/config';
import { migrate, openDatabase } from '../src/lib/server/db/index';
import { backupSqlite, restoreSqlite } from '../src/lib/server/db/backup';

// The app bundles the migrations with Vite (import.meta.glob); here they are read from the folder.
const migrations = new FileMigrationProvider({ fs, path: { join }, migrationFolder: new URL('../db/migrations', import.meta.url).pathname });

async function main(command: string | undefined, file: string | undefined): Promise<void> {
	const store = storeOf(parseConfig(process.env));
	switch (command) {
		case 'migrate': {
			const db = openDatabase(store);
			try {
				const applied = await migrate(db, migrations);
				console.log(
					applied.length > 0
						? `${describeStore(store)}: ${applied.length} Migration(en) angewandt: ${applied.join(', ')}`
						: `${describeStore(store)}: schon auf dem neuesten Stand.`
				);
			} finally {
				await db.destroy();
			}
			return;
		}
		case 'backup':
		case 'restore': {
			if (store.kind === 'postgres') {
				throw new ConfigError(
					'DATABASE_URL ist gesetzt: PostgreSQL sichern Sie mit `pg_dump -Fc -f sicherung.dump "$DATABASE_URL"` ' +
						'und stellen mit `pg_restore --clean --if-exists -d "$DATABASE_URL" sicherung.dump` wieder her (README, "Datenbank").'
				);
			}
			if (!file) throw new ConfigError(`Bitte eine Datei angeben: npm run db:${command} -- <datei>`);
			if (command === 'backup') {
				const pages = await backupSqlite(store.path, file);
				console.log(`${store.path} gesichert nach ${file} (${pages} Seiten).`);
			} else {
				const kept = await restoreSqlite(file, store.path);
				console.log(`${file} wiederhergestellt nach ${store.path}.${kept ? ` Die bisherige Datenbank liegt unter ${kept}.` : ''}`);
			}
			return;
		}
		default:
			throw new ConfigError('Aufruf: tsx scripts/db.ts migrate | backup <datei> | restore <datei>');
	}
}

main(process.argv[2], process.argv[3]).catch((err: unknown) => {
	console.error(err instanceof Error ? err.message : String(err));
	process.exit(1);
});
