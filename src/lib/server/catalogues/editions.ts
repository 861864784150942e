import type { Catalogue, CatalogueProblem } from '$lib/schemas/catalogue';
import { editionPath, previousProblems } from '$lib/domain/question-map';
import type { Db } from '../db';
import * as catalogues from '../db/catalogues';
import { parsedCatalogue } from './versions';

/** Stored versions of a catalogue key the municipality may use, parsed, by version (key + version is unique there). */
async function versionsOf(db: Db, municipalityId: number | null, key: string): Promise<Map<string, Catalogue>> {
	const rows = await catalogues.listVersions(db, municipalityId, key);
	return new Map(rows.map((row) => [row.version, parsedCatalogue(row)]));
}

/**
 * What is wrong with a valid catalogue's `previous` given what is stored: the older version must be
 * stored (shipped, or the municipality's own), and the map's old ids must be its questions. Run it
 * before storing an import, an API upload or a published draft.
 */
export async function storedPreviousProblems(db: Db, municipalityId: number | null, catalogue: Catalogue): Promise<CatalogueProblem[]> {
	const link = catalogue.previous;
	if (!link) return [];
	const older = (await versionsOf(db, municipalityId, link.catalogueId)).get(link.version);
	return previousProblems(catalogue, older);
}

/**
 * The editions from `older` to `newer`, oldest first, through the versions stored for the
 * municipality; null when `newer` is not the same or a later edition of `older`.
 */
export async function editionsBetween(db: Db, municipalityId: number, older: Catalogue, newer: Catalogue): Promise<Catalogue[] | null> {
	if (older.id !== newer.id) return null;
	const stored = await versionsOf(db, municipalityId, older.id);
	return editionPath(older, newer, (_key, version) => stored.get(version));
}
