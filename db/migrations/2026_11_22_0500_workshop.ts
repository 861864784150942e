import { sql, type Kysely } from 'kysely';
import { identity } from '../dialect';

// Frozen in time: never import app types here, never edit after it has shipped.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('workshop')
		.addColumn('id', 'integer', identity(db))
		.addColumn('assessment_id', 'integer', (col) => col.notNull().references('assessment.id').onDelete('cascade'))
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('held_on', 'text', (col) => col.notNull())
		.addColumn('code', 'text', (col) => col.notNull().unique())
		// JSON arrays: the stakeholder groups offered and the area numbers rated.
		.addColumn('stakeholder_groups', 'text', (col) => col.notNull())
		.addColumn('areas', 'text', (col) => col.notNull())
		.addColumn('k', 'integer', (col) => col.notNull())
		.addColumn('status', 'text', (col) => col.notNull().defaultTo('open').check(sql`status in ('open', 'ended')`))
		.addColumn('created_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('ended_at', 'text')
		.execute();
	await db.schema.createIndex('workshop_assessment_idx').on('workshop').column('assessment_id').execute();

	await db.schema
		.createTable('workshop_area')
		.addColumn('workshop_id', 'integer', (col) => col.notNull().references('workshop.id').onDelete('cascade'))
		.addColumn('area', 'integer', (col) => col.notNull().check(sql`area between 1 and 7`))
		.addColumn('is_open', 'integer', (col) => col.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('workshop_area_pk', ['workshop_id', 'area'])
		.execute();

	// One ballot per device (token_hash: SHA-256 of the cookie token) or per paper ballot (no token).
	// Nothing that identifies a person is stored.
	await db.schema
		.createTable('ballot')
		.addColumn('id', 'integer', identity(db))
		.addColumn('workshop_id', 'integer', (col) => col.notNull().references('workshop.id').onDelete('cascade'))
		.addColumn('token_hash', 'text')
		.addColumn('stakeholder_group', 'text')
		.addColumn('paper', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addUniqueConstraint('ballot_token_uq', ['workshop_id', 'token_hash'])
		.execute();

	// level null: "kann ich nicht beurteilen".
	await db.schema
		.createTable('rating')
		.addColumn('ballot_id', 'integer', (col) => col.notNull().references('ballot.id').onDelete('cascade'))
		.addColumn('workshop_id', 'integer', (col) => col.notNull().references('workshop.id').onDelete('cascade'))
		.addColumn('area', 'integer', (col) => col.notNull().check(sql`area between 1 and 7`))
		.addColumn('level', 'integer', (col) => col.check(sql`level between 1 and 4`))
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.addPrimaryKeyConstraint('rating_pk', ['ballot_id', 'area'])
		.execute();
	await db.schema.createIndex('rating_workshop_area_idx').on('rating').columns(['workshop_id', 'area']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['rating', 'ballot', 'workshop_area', 'workshop']) {
		await db.schema.dropTable(table).execute();
	}
}
