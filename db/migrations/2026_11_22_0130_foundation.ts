import { sql, type Kysely } from 'kysely';
import { identity } from '../dialect';

// Frozen in time: never import app types here, never edit after it has shipped.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('municipality')
		.addColumn('id', 'integer', identity(db))
		.addColumn('name', 'text', (col) => col.notNull().unique())
		.addColumn('created_at', 'text', (col) => col.notNull())
		.execute();

	await db.schema
		.createTable('user')
		.addColumn('id', 'integer', identity(db))
		.addColumn('email', 'text', (col) => col.notNull().unique())
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('password_hash', 'text', (col) => col.notNull())
		.addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.execute();

	await db.schema
		.createTable('membership')
		.addColumn('user_id', 'integer', (col) => col.notNull().references('user.id').onDelete('cascade'))
		.addColumn('municipality_id', 'integer', (col) =>
			col.notNull().references('municipality.id').onDelete('cascade')
		)
		.addColumn('role', 'text', (col) =>
			col.notNull().check(sql`role in ('coordinator', 'editor', 'facilitator')`)
		)
		.addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addPrimaryKeyConstraint('membership_pk', ['user_id', 'municipality_id'])
		.execute();

	await db.schema
		.createTable('session')
		.addColumn('token_hash', 'text', (col) => col.primaryKey())
		.addColumn('user_id', 'integer', (col) => col.notNull().references('user.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('expires_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

	await db.schema
		.createTable('catalogue')
		.addColumn('id', 'integer', identity(db))
		.addColumn('municipality_id', 'integer', (col) =>
			col.references('municipality.id').onDelete('cascade')
		)
		.addColumn('catalogue_key', 'text', (col) => col.notNull())
		.addColumn('version', 'text', (col) => col.notNull())
		.addColumn('title_de', 'text', (col) => col.notNull())
		.addColumn('title_en', 'text', (col) => col.notNull())
		.addColumn('question_count', 'integer', (col) => col.notNull())
		.addColumn('content', 'text', (col) => col.notNull())
		.addColumn('imported_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('imported_at', 'text', (col) => col.notNull())
		.execute();
	// Shipped catalogues (municipality_id null) and each municipality's imports are separate scopes.
	await db.schema
		.createIndex('catalogue_scope_version_uq')
		.on('catalogue')
		.unique()
		.expression(sql`coalesce(municipality_id, 0), catalogue_key, version`)
		.execute();

	await db.schema
		.createTable('assessment')
		.addColumn('id', 'integer', identity(db))
		.addColumn('municipality_id', 'integer', (col) =>
			col.notNull().references('municipality.id').onDelete('cascade')
		)
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('catalogue_id', 'integer', (col) => col.notNull().references('catalogue.id'))
		.addColumn('created_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addUniqueConstraint('assessment_name_uq', ['municipality_id', 'name'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['assessment', 'catalogue', 'session', 'membership', 'user', 'municipality']) {
		await db.schema.dropTable(table).execute();
	}
}
