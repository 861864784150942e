import type { Kysely } from 'kysely';

// Frozen in time: never import app types here, never edit after it has shipped.
// A one-time password (new account, reset by the coordinator) must be replaced at the next login.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('user')
		.addColumn('must_change_password', 'integer', (col) => col.notNull().defaultTo(0))
		.execute();
}
