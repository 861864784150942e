import { sql, type Kysely } from 'kysely';
import { identity } from '../dialect';

// Frozen in time: never import app types here, never edit after it has shipped.
// The workshop's small-group phase: participants (by ballot, still anonymous) join an area group,
// write proposals, support them (one per device) and mark questions "sehe ich anders". Times are
// stored to the minute only. A measure keeps the proposals it came from.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('group_phase')
		.addColumn('workshop_id', 'integer', (col) => col.primaryKey().references('workshop.id').onDelete('cascade'))
		// 1: the groups see the reasons the coordination gave for agreed answers.
		.addColumn('show_comments', 'integer', (col) => col.notNull().defaultTo(0))
		.addColumn('started_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('started_at', 'text', (col) => col.notNull())
		.addColumn('ended_at', 'text')
		.execute();

	await db.schema
		.createTable('group_member')
		.addColumn('ballot_id', 'integer', (col) => col.primaryKey().references('ballot.id').onDelete('cascade'))
		.addColumn('workshop_id', 'integer', (col) => col.notNull().references('workshop.id').onDelete('cascade'))
		.addColumn('area', 'integer', (col) => col.notNull().check(sql`area between 1 and 7`))
		.execute();

	await db.schema
		.createTable('proposal')
		.addColumn('id', 'integer', identity(db))
		.addColumn('workshop_id', 'integer', (col) => col.notNull().references('workshop.id').onDelete('cascade'))
		.addColumn('area', 'integer', (col) => col.notNull().check(sql`area between 1 and 7`))
		// Never shown: only for the per-device rate limit and "your proposal".
		.addColumn('ballot_id', 'integer', (col) => col.references('ballot.id').onDelete('set null'))
		.addColumn('what', 'text', (col) => col.notNull())
		.addColumn('who', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('first_step', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('hidden_at', 'text')
		.addColumn('hidden_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.execute();
	await db.schema.createIndex('proposal_workshop_idx').on('proposal').columns(['workshop_id', 'area']).execute();

	await db.schema
		.createTable('proposal_support')
		.addColumn('proposal_id', 'integer', (col) => col.notNull().references('proposal.id').onDelete('cascade'))
		.addColumn('ballot_id', 'integer', (col) => col.notNull().references('ballot.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('proposal_support_pk', ['proposal_id', 'ballot_id'])
		.execute();

	await db.schema
		.createTable('question_flag')
		.addColumn('workshop_id', 'integer', (col) => col.notNull().references('workshop.id').onDelete('cascade'))
		.addColumn('ballot_id', 'integer', (col) => col.notNull().references('ballot.id').onDelete('cascade'))
		.addColumn('area', 'integer', (col) => col.notNull().check(sql`area between 1 and 7`))
		.addColumn('question_id', 'text', (col) => col.notNull())
		.addColumn('reason', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addPrimaryKeyConstraint('question_flag_pk', ['workshop_id', 'ballot_id', 'question_id'])
		.execute();

	await db.schema
		.createTable('group_summary')
		.addColumn('workshop_id', 'integer', (col) => col.notNull().references('workshop.id').onDelete('cascade'))
		.addColumn('area', 'integer', (col) => col.notNull().check(sql`area between 1 and 7`))
		.addColumn('text', 'text', (col) => col.notNull())
		.addColumn('updated_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.addPrimaryKeyConstraint('group_summary_pk', ['workshop_id', 'area'])
		.execute();

	await db.schema
		.createTable('measure_proposal')
		.addColumn('measure_id', 'integer', (col) => col.notNull().references('measure.id').onDelete('cascade'))
		.addColumn('proposal_id', 'integer', (col) => col.notNull().references('proposal.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('measure_proposal_pk', ['measure_id', 'proposal_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['measure_proposal', 'group_summary', 'question_flag', 'proposal_support', 'proposal', 'group_member', 'group_phase']) {
		await db.schema.dropTable(table).execute();
	}
}
