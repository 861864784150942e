import { sql, type Kysely } from 'kysely';
import { identity } from '../dialect';

// Frozen in time: never import app types here, never edit after it has shipped.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('assessment')
		.addColumn('status', 'text', (col) => col.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`))
		.execute();
	await db.schema.alterTable('assessment').addColumn('closed_at', 'text').execute();
	await db.schema
		.alterTable('assessment')
		.addColumn('closed_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.execute();

	await db.schema
		.createTable('area_assignment')
		.addColumn('assessment_id', 'integer', (col) => col.notNull().references('assessment.id').onDelete('cascade'))
		.addColumn('area', 'integer', (col) => col.notNull().check(sql`area between 1 and 7`))
		.addColumn('user_id', 'integer', (col) => col.notNull().references('user.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('area_assignment_pk', ['assessment_id', 'area', 'user_id'])
		.execute();

	// One row per staff member and question: each rater's answer is their own.
	await db.schema
		.createTable('answer')
		.addColumn('assessment_id', 'integer', (col) => col.notNull().references('assessment.id').onDelete('cascade'))
		.addColumn('question_id', 'text', (col) => col.notNull())
		.addColumn('user_id', 'integer', (col) => col.notNull().references('user.id').onDelete('cascade'))
		.addColumn('value', 'text')
		.addColumn('comment', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('evidence', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.addPrimaryKeyConstraint('answer_pk', ['assessment_id', 'question_id', 'user_id'])
		.execute();

	await db.schema
		.createTable('agreed_answer')
		.addColumn('assessment_id', 'integer', (col) => col.notNull().references('assessment.id').onDelete('cascade'))
		.addColumn('question_id', 'text', (col) => col.notNull())
		.addColumn('value', 'text', (col) => col.notNull())
		.addColumn('reason', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('automatic', 'integer', (col) => col.notNull())
		.addColumn('version', 'integer', (col) => col.notNull())
		.addColumn('set_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('set_at', 'text', (col) => col.notNull())
		.addPrimaryKeyConstraint('agreed_answer_pk', ['assessment_id', 'question_id'])
		.execute();

	// Every change to an answer, an agreed answer or the assessment's status, never updated.
	await db.schema
		.createTable('answer_history')
		.addColumn('id', 'integer', identity(db))
		.addColumn('assessment_id', 'integer', (col) => col.notNull().references('assessment.id').onDelete('cascade'))
		.addColumn('question_id', 'text')
		.addColumn('kind', 'text', (col) =>
			col.notNull().check(sql`kind in ('answer', 'agreed', 'closed', 'reopened')`)
		)
		.addColumn('actor_id', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('rater_id', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('old_value', 'text')
		.addColumn('new_value', 'text')
		.addColumn('old_comment', 'text')
		.addColumn('new_comment', 'text')
		.addColumn('old_evidence', 'text')
		.addColumn('new_evidence', 'text')
		.addColumn('old_reason', 'text')
		.addColumn('new_reason', 'text')
		.addColumn('created_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema
		.createIndex('answer_history_question_idx')
		.on('answer_history')
		.columns(['assessment_id', 'question_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['answer_history', 'agreed_answer', 'answer', 'area_assignment']) {
		await db.schema.dropTable(table).execute();
	}
	for (const column of ['closed_by', 'closed_at', 'status']) {
		await db.schema.alterTable('assessment').dropColumn(column).execute();
	}
}
