import type { Catalogue } from '$lib/schemas/catalogue';
import type { Db } from '../db';
import * as catalogues from '../db/catalogues';
import type { Assessment, CatalogueRow } from '../db/schema';

/*
 * The one cache of parsed catalogue versions. A stored version never changes, so its parsed content
 * is kept for the process's life. An entry remembers its key and version: a row at hand is checked
 * against them, so a fresh database (a test's) that reuses an id is not served another's content.
 */
const parsed = new Map<number, { key: string; version: string; catalogue: Catalogue }>();

/** The parsed content of a stored catalogue version, parsed once per process. */
export function parsedCatalogue(row: CatalogueRow): Catalogue {
	const cached = parsed.get(row.id);
	if (cached && cached.key === row.catalogue_key && cached.version === row.version) return cached.catalogue;
	const catalogue = catalogues.parseContent(row);
	parsed.set(row.id, { key: row.catalogue_key, version: row.version, catalogue });
	return catalogue;
}

/** The catalogue version the assessment is pinned to. */
export async function catalogueOf(db: Db, assessment: Pick<Assessment, 'catalogue_id'>): Promise<Catalogue> {
	const cached = parsed.get(assessment.catalogue_id);
	if (cached) return cached.catalogue;
	return parsedCatalogue(await catalogues.getCatalogueRow(db, assessment.catalogue_id));
}
