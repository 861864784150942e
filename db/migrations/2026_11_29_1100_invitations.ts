import { sql, type Kysely } from 'kysely';
import { identity } from '../dialect';

// Frozen in time: never import app types here, never edit after it has shipped.
// An invitation of an e-mail address to a role in a municipality. Only the SHA-256 of the link's
// token is stored. status: pending until accepted, declined or revoked (expiry is read from expires_at).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('invitation')
		.addColumn('id', 'integer', identity(db))
		.addColumn('municipality_id', 'integer', (col) => col.notNull().references('municipality.id').onDelete('cascade'))
		.addColumn('email', 'text', (col) => col.notNull())
		.addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('coordinator', 'editor', 'facilitator')`))
		.addColumn('token_hash', 'text', (col) => col.notNull().unique())
		.addColumn('status', 'text', (col) =>
			col.notNull().defaultTo('pending').check(sql`status in ('pending', 'accepted', 'declined', 'revoked')`)
		)
		.addColumn('invited_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('expires_at', 'text', (col) => col.notNull())
		.addColumn('closed_at', 'text')
		.addColumn('accepted_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.execute();
	await db.schema.createIndex('invitation_email_idx').on('invitation').columns(['email', 'status']).execute();
	await db.schema.createIndex('invitation_municipality_idx').on('invitation').columns(['municipality_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('invitation').execute();
}
