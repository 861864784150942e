import type { Kysely } from 'kysely';
import { identity } from '../dialect';

// Frozen in time: never import app types here, never edit after it has shipped.
// Named tables for the small groups: the facilitator may give each physical table a name and one
// area; participants then choose their table instead of an area. Membership stays per area (a table
// is a name on top of an area group); group_member.table_id remembers which table a device chose.
// workshop.group_tables = 1: participants choose a table; 0: they pick an area (the default).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('group_table')
		.addColumn('id', 'integer', identity(db))
		.addColumn('workshop_id', 'integer', (col) => col.notNull().references('workshop.id').onDelete('cascade'))
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('area', 'integer', (col) => col.notNull())
		.addColumn('position', 'integer', (col) => col.notNull())
		.execute();
	await db.schema.createIndex('group_table_workshop_idx').on('group_table').columns(['workshop_id', 'position']).execute();

	await db.schema
		.alterTable('group_member')
		.addColumn('table_id', 'integer', (col) => col.references('group_table.id').onDelete('set null'))
		.execute();

	await db.schema.alterTable('workshop').addColumn('group_tables', 'integer', (col) => col.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('workshop').dropColumn('group_tables').execute();
	await db.schema.alterTable('group_member').dropColumn('table_id').execute();
	await db.schema.dropIndex('group_table_workshop_idx').execute();
	await db.schema.dropTable('group_table').execute();
}
