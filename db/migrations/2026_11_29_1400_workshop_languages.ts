import type { Kysely } from 'kysely';

// Frozen in time: never import app types here, never edit after it has shipped.
// The participant languages a workshop offers (JSON array of language codes). Existing workshops
// offer all eight, which is also what a new workshop offers unless the facilitator chooses fewer.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('workshop')
		.addColumn('languages', 'text', (col) => col.notNull().defaultTo('["de","en","ar","fa","tr","uk","ru","de-x-ls"]'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('workshop').dropColumn('languages').execute();
}
