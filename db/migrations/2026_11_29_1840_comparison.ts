import { sql, type Kysely } from 'kysely';
import { identity } from '../dialect';

// Frozen in time: never import app types here, never edit after it has shipped.
// The anonymous comparison between municipalities: each closed round's area figures (written when a
// round is closed, for rounds closed earlier when the comparison first needs them), and per
// comparison group (kind, population band or 'all') the snapshot of published figures with the
// members it was computed from (internal bookkeeping to count changes; never shown).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('assessment_area_figure')
		.addColumn('assessment_id', 'integer', (col) => col.notNull().references('assessment.id').onDelete('cascade'))
		.addColumn('area', 'integer', (col) => col.notNull())
		// 0–100, unrounded; null: the area was not assessable (fewer than half the questions scored).
		.addColumn('score', 'double precision')
		.addColumn('level', 'integer')
		.addColumn('coverage', 'double precision', (col) => col.notNull())
		.addPrimaryKeyConstraint('assessment_area_figure_pk', ['assessment_id', 'area'])
		.execute();

	await db.schema
		.createTable('comparison_snapshot')
		.addColumn('id', 'integer', identity(db))
		.addColumn('kind', 'text', (col) => col.notNull())
		// A population band, or 'all' for the whole kind.
		.addColumn('band', 'text', (col) => col.notNull())
		.addColumn('taken_at', 'text', (col) => col.notNull())
		// 1: this or an earlier snapshot of the group published a figure; from then on it is only
		// recomputed after enough members changed.
		.addColumn('ever_published', 'integer', (col) => col.notNull().defaultTo(0).check(sql`ever_published in (0, 1)`))
		.addUniqueConstraint('comparison_snapshot_group_unique', ['kind', 'band'])
		.execute();

	await db.schema
		.createTable('comparison_snapshot_area')
		.addColumn('snapshot_id', 'integer', (col) => col.notNull().references('comparison_snapshot.id').onDelete('cascade'))
		.addColumn('area', 'integer', (col) => col.notNull())
		.addColumn('municipalities', 'integer', (col) => col.notNull())
		// Whole points; all null when the area has too few municipalities.
		.addColumn('q1', 'integer')
		.addColumn('median', 'integer')
		.addColumn('q3', 'integer')
		.addPrimaryKeyConstraint('comparison_snapshot_area_pk', ['snapshot_id', 'area'])
		.execute();

	await db.schema
		.createTable('comparison_snapshot_member')
		.addColumn('snapshot_id', 'integer', (col) => col.notNull().references('comparison_snapshot.id').onDelete('cascade'))
		.addColumn('municipality_id', 'integer', (col) => col.notNull().references('municipality.id').onDelete('cascade'))
		.addColumn('assessment_id', 'integer', (col) => col.notNull())
		.addPrimaryKeyConstraint('comparison_snapshot_member_pk', ['snapshot_id', 'municipality_id'])
		.execute();

	await db.schema.createIndex('assessment_municipality_status_idx').on('assessment').columns(['municipality_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('assessment_municipality_status_idx').execute();
	await db.schema.dropTable('comparison_snapshot_member').execute();
	await db.schema.dropTable('comparison_snapshot_area').execute();
	await db.schema.dropTable('comparison_snapshot').execute();
	await db.schema.dropTable('assessment_area_figure').execute();
}
