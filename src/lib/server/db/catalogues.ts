import type { Db } from './index';
import type { CatalogueRow } from './schema';
import { countQuestions, type Catalogue } from '$lib/schemas/catalogue';
import { now } from '../platform/clock';

export interface CatalogueSummary {
	id: number;
	key: string;
	version: string;
	title: { de: string; en: string };
	questionCount: number;
	shipped: boolean;
	importedAt: string;
	assessmentCount: number;
}

/** Catalogues a municipality may use: the shipped ones and its own imports, newest first. */
export async function listCatalogues(db: Db, municipalityId: number): Promise<CatalogueSummary[]> {
	const rows = await db
		.selectFrom('catalogue')
		.select((eb) => [
			'catalogue.id',
			'catalogue.catalogue_key',
			'catalogue.version',
			'catalogue.title_de',
			'catalogue.title_en',
			'catalogue.question_count',
			'catalogue.municipality_id',
			'catalogue.imported_at',
			eb
				.selectFrom('assessment')
				.select((inner) => inner.fn.countAll<number>().as('n'))
				.whereRef('assessment.catalogue_id', '=', 'catalogue.id')
				.where('assessment.municipality_id', '=', municipalityId)
				.as('assessmentCount')
		])
		.where((eb) => eb.or([eb('municipality_id', 'is', null), eb('municipality_id', '=', municipalityId)]))
		.orderBy('imported_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		key: r.catalogue_key,
		version: r.version,
		title: { de: r.title_de, en: r.title_en },
		questionCount: r.question_count,
		shipped: r.municipality_id === null,
		importedAt: r.imported_at,
		assessmentCount: Number(r.assessmentCount ?? 0)
	}));
}

/** A catalogue the municipality may see, or undefined (also for another municipality's import). */
export async function findCatalogue(db: Db, municipalityId: number, id: number): Promise<CatalogueRow | undefined> {
	return db
		.selectFrom('catalogue')
		.selectAll()
		.where('id', '=', id)
		.where((eb) => eb.or([eb('municipality_id', 'is', null), eb('municipality_id', '=', municipalityId)]))
		.executeTakeFirst();
}

/** A stored catalogue version by id, for an assessment pinned to it (its absence is a bug: the row is referenced). */
export async function getCatalogueRow(db: Db, id: number): Promise<CatalogueRow> {
	return db.selectFrom('catalogue').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A stored version's content; it was validated when stored. */
export function parseContent(row: CatalogueRow): Catalogue {
	return JSON.parse(row.content) as Catalogue;
}

export type StoreResult =
	| { status: 'stored'; id: number }
	| { status: 'unchanged'; id: number }
	| { status: 'conflict'; id: number };

/**
 * Stores a validated catalogue version. A key + version that already exists (shipped or in this
 * municipality) is never changed: the same content is "unchanged", different content a "conflict".
 * `municipalityId` null stores a shipped catalogue.
 */
export async function storeCatalogue(
	db: Db,
	catalogue: Catalogue,
	municipalityId: number | null,
	importedBy: number | null
): Promise<StoreResult> {
	const content = JSON.stringify(catalogue);
	return db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('catalogue')
			.select(['id', 'content'])
			.where('catalogue_key', '=', catalogue.id)
			.where('version', '=', catalogue.version)
			.where((eb) =>
				municipalityId === null
					? eb('municipality_id', 'is', null)
					: eb.or([eb('municipality_id', 'is', null), eb('municipality_id', '=', municipalityId)])
			)
			.executeTakeFirst();
		if (existing) {
			return { status: existing.content === content ? 'unchanged' : 'conflict', id: existing.id } as const;
		}
		const row = await trx
			.insertInto('catalogue')
			.values({
				municipality_id: municipalityId,
				catalogue_key: catalogue.id,
				version: catalogue.version,
				title_de: catalogue.title.de,
				title_en: catalogue.title.en,
				question_count: countQuestions(catalogue),
				content,
				imported_by: importedBy,
				imported_at: now()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return { status: 'stored', id: row.id } as const;
	});
}

/** Every stored version of a catalogue key the municipality may use (shipped and its own); null: shipped only. */
export async function listVersions(db: Db, municipalityId: number | null, key: string): Promise<CatalogueRow[]> {
	return db
		.selectFrom('catalogue')
		.selectAll()
		.where('catalogue_key', '=', key)
		.where((eb) =>
			municipalityId === null
				? eb('municipality_id', 'is', null)
				: eb.or([eb('municipality_id', 'is', null), eb('municipality_id', '=', municipalityId)])
		)
		.orderBy('id')
		.execute();
}
