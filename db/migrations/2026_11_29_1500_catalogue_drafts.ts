import type { Kysely } from 'kysely';
import { identity } from '../dialect';

// Frozen in time: never import app types here, never edit after it has shipped.

/**
 * The shipped catalogue's questions that assume a kind of municipality, as the shipped file marks
 * them: a Landkreis runs no Stadtbibliothek, no städtische Kultureinrichtungen, no Stadtteile; a
 * kreisangehörige Gemeinde has no Ausländerbehörde of its own.
 */
const NOT_APPLICABLE_FOR: Record<string, string[]> = {
	'3.25': ['landkreis'],
	'3.27': ['landkreis'],
	'3.28': ['landkreis'],
	'3.30': ['landkreis'],
	'3.34': ['kreisangehoerige-gemeinde'],
	'4.06': ['kreisangehoerige-gemeinde'],
	'5.06': ['landkreis'],
	'6.01': ['landkreis'],
	'6.02': ['landkreis'],
	'6.06': ['landkreis']
};

/**
 * A coordinator's unpublished next catalogue version (the editor's working copy, JSON that may
 * not validate yet); an assessment's applicability profile; the profile markings in the stored
 * shipped catalogue 2026.1, so a database made before them matches the shipped file.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('catalogue_draft')
		.addColumn('id', 'integer', identity(db))
		.addColumn('municipality_id', 'integer', (col) => col.notNull().references('municipality.id').onDelete('cascade'))
		.addColumn('based_on', 'integer', (col) => col.references('catalogue.id').onDelete('set null'))
		.addColumn('content', 'text', (col) => col.notNull())
		.addColumn('created_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('created_at', 'text', (col) => col.notNull())
		.addColumn('updated_by', 'integer', (col) => col.references('user.id').onDelete('set null'))
		.addColumn('updated_at', 'text', (col) => col.notNull())
		.execute();
	await db.schema.createIndex('catalogue_draft_municipality_idx').on('catalogue_draft').column('municipality_id').execute();

	// null: created before profiles, or for no particular profile (every question applies).
	await db.schema.alterTable('assessment').addColumn('profile', 'text').execute();

	const shipped = await db
		.selectFrom('catalogue')
		.select(['id', 'content'])
		.where('municipality_id', 'is', null)
		.where('catalogue_key', '=', 'weltoffene-kommune')
		.where('version', '=', '2026.1')
		.execute();
	for (const row of shipped) {
		const content = JSON.parse(row.content as string);
		for (const area of content.areas) {
			for (const question of area.questions) {
				const profiles = NOT_APPLICABLE_FOR[question.id];
				if (profiles && question.notApplicableFor === undefined) question.notApplicableFor = profiles;
			}
		}
		await db.updateTable('catalogue').set({ content: JSON.stringify(content) }).where('id', '=', row.id).execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('assessment').dropColumn('profile').execute();
	await db.schema.dropTable('catalogue_draft').execute();
}
