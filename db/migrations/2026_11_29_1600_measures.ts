import { sql, type Kysely } from 'kysely';
import { identity } from '../dialect';

// Frozen in time: never import app types here, never edit after it has shipped.
// The Maßnahmenplan: measures of an assessment, every change kept (who, when, old → new), dated
// status notes, and the link to the workshop proposals a measure came from.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('measure')
		.addColumn('id', 'integer', identity(db))
		.addColumn('assessment_id', 'integer', (col) => col.notNull().references('assessment.id').onDelete('cascade'))
		.addColumn('title', 'text', (col) => col.notNull())
		.addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
		// JSON arrays: the area numbers and question ids the measure answers.
		.addColumn('areas', 'text', (col) => col.notNull())
		.addColumn('questions', 'text', (col) => col.notNull().defaultTo('[]'))
		// The area whose gap (administration vs. workshop) the measure responds to.
		.addColumn('gap_area', 'integer', (col) => col.check(sql`gap_area between 1 and 7`))
		.addColumn('owner', 'text', (col) => col.notNull().defaultTo(''))
		.addColumn('partners', 'text', (col) => col.notNull().defaultTo(''))
		// 'amount' (budget_amount in whole euros), 'existing' (im Rahmen vorhandener Mittel) or 'open'.
		.addColumn('budget_kind', 'text', (col) => col.notNull().defaultTo('open').check(sql`budget_kind in ('amount', 'existing', 'open')`))
		.addColumn('budget_amount', 'integer')
		.addColumn('start_on', 'text')
		.addColumn('due_on', 'text')
		.addColumn('priority', 'text', (col) => col.notNull().defaultTo('medium').check(sql`priority in ('high', 'medium', 'low')`))
		.addColumn('status', 'text', (col) =>
			col.notNull().defaultTo('planned').check(sql`status in ('planned', 'in_progress', 'done', 'deferred')`)
		)
		.addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
		.addColumn('created_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema.createIndex('measure_assessment_idx').on('measure').column('assessment_id').execute();

	// One row per changed field of one save; 'created' rows record the first values.
	await db.schema
		.createTable('measure_history')
		.addColumn('id', 'integer', identity(db))
		.addColumn('measure_id', 'integer', (col) => col.notNull().references('measure.id').onDelete('cascade'))
		.addColumn('field', 'text', (col) => col.notNull())
		.addColumn('old_value', 'text')
		.addColumn('new_value', 'text')
		.addColumn('actor_id', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema.createIndex('measure_history_measure_idx').on('measure_history').column('measure_id').execute();

	await db.schema
		.createTable('measure_note')
		.addColumn('id', 'integer', identity(db))
		.addColumn('measure_id', 'integer', (col) => col.notNull().references('measure.id').onDelete('cascade'))
		.addColumn('status', 'text', (col) => col.notNull())
		.addColumn('note', 'text', (col) => col.notNull())
		.addColumn('noted_on', 'text', (col) => col.notNull())
		.addColumn('actor_id', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema.createIndex('measure_note_measure_idx').on('measure_note').column('measure_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('measure_note').execute();
	await db.schema.dropTable('measure_history').execute();
	await db.schema.dropTable('measure').execute();
}
