import type { Kysely } from 'kysely';
import { identity } from '../dialect';

// Frozen in time: never import app types here, never edit after it has shipped.
// Attempt limits shared by every app instance on one database: failed logins, wrong join codes,
// new ballots per address. A key is stored only as a keyed hash (never an e-mail or an address) and
// a row is deleted once its window and lock have run out. Times are epoch milliseconds.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('shared_limit')
		.addColumn('id', 'integer', identity(db))
		// Which limit: 'login-account', 'login-address', 'code-address', 'code-global', 'ballots', …
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('key_hash', 'text', (col) => col.notNull())
		.addColumn('count', 'integer', (col) => col.notNull())
		.addColumn('window_start', 'bigint', (col) => col.notNull())
		// 0 when not locked.
		.addColumn('locked_until', 'bigint', (col) => col.notNull().defaultTo(0))
		.addUniqueConstraint('shared_limit_name_key', ['name', 'key_hash'])
		.execute();
	await db.schema.createIndex('shared_limit_expiry_idx').on('shared_limit').column('window_start').execute();

	// The secret the keys are hashed with, made once by the first instance and read by all.
	await db.schema
		.createTable('shared_secret')
		.addColumn('name', 'text', (col) => col.primaryKey())
		.addColumn('value', 'text', (col) => col.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('shared_secret').execute();
	await db.schema.dropTable('shared_limit').execute();
}
