import { sql, type Kysely } from 'kysely';

// Frozen in time: never import app types here, never edit after it has shipped.
// Many municipalities and rounds: an operator role above municipalities, what a municipality is for the
// anonymous comparison (kind, Land, population band, AGS), its opt-in and deactivation, and which
// earlier assessment a round follows.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('municipality')
		.addColumn('kind', 'text', (col) =>
			col.check(sql`kind in ('kreisfreie_stadt', 'landkreis', 'kreisangehoerige_gemeinde', 'stadtstaat_bezirk')`)
		)
		.execute();
	await db.schema.alterTable('municipality').addColumn('land', 'text').execute();
	await db.schema
		.alterTable('municipality')
		.addColumn('population_band', 'text', (col) =>
			col.check(sql`population_band in ('under_20k', '20k_50k', '50k_100k', '100k_500k', 'over_500k')`)
		)
		.execute();
	await db.schema.alterTable('municipality').addColumn('ags', 'text').execute();
	await db.schema.alterTable('municipality').addColumn('deactivated_at', 'text').execute();
	await db.schema
		.alterTable('municipality')
		.addColumn('comparison_opt_in', 'integer', (col) => col.notNull().defaultTo(0))
		.execute();
	await db.schema.alterTable('municipality').addColumn('comparison_changed_at', 'text').execute();

	await db.schema.alterTable('user').addColumn('operator', 'integer', (col) => col.notNull().defaultTo(0)).execute();

	await db.schema
		.alterTable('assessment')
		.addColumn('previous_assessment_id', 'integer', (col) => col.references('assessment.id').onDelete('set null'))
		.execute();
	await db.schema.createIndex('assessment_previous_idx').on('assessment').column('previous_assessment_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('assessment_previous_idx').execute();
	await db.schema.alterTable('assessment').dropColumn('previous_assessment_id').execute();
	await db.schema.alterTable('user').dropColumn('operator').execute();
	for (const column of ['comparison_changed_at', 'comparison_opt_in', 'deactivated_at', 'ags', 'population_band', 'land', 'kind']) {
		await db.schema.alterTable('municipality').dropColumn(column).execute();
	}
}
