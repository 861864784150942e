import { type Kysely } from 'kysely';
import { identity } from '../dialect';

// Frozen in time: never import app types here, never edit after it has shipped.
// A facilitator voids all device ballots created in one minute (suspected ballot stuffing). The
// record keeps who, when, which minute and how many; undoing it sets undone_at. A voided ballot
// points at its void; its ratings count nowhere while the void stands.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('ballot_void')
		.addColumn('id', 'integer', identity(db))
		.addColumn('workshop_id', 'integer', (col) => col.notNull().references('workshop.id').onDelete('cascade'))
		// The minute's start, ISO-8601 UTC, e.g. 2026-11-29T10:15:00.000Z.
		.addColumn('minute', 'text', (col) => col.notNull())
		.addColumn('ballot_count', 'integer', (col) => col.notNull())
		.addColumn('voided_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('voided_at', 'text', (col) => col.notNull())
		.addColumn('undone_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('undone_at', 'text')
		.execute();
	await db.schema.createIndex('ballot_void_workshop_idx').on('ballot_void').column('workshop_id').execute();

	await db.schema
		.alterTable('ballot')
		.addColumn('void_id', 'integer', (col) => col.references('ballot_void.id').onDelete('set null'))
		.execute();
	await db.schema.createIndex('ballot_created_idx').on('ballot').columns(['workshop_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('ballot_created_idx').execute();
	await db.schema.alterTable('ballot').dropColumn('void_id').execute();
	await db.schema.dropTable('ballot_void').execute();
}
