import type { Catalogue } from '$lib/schemas/catalogue';
import type { Db } from '../db';
import * as catalogues from '../db/catalogues';
import * as drafts from '../db/catalogue-drafts';
import { parsedCatalogue } from './versions';

export type { CatalogueSummary, StoreResult } from '../db/catalogues';
export type { DraftSummary } from '../db/catalogue-drafts';

/** Catalogues a municipality may use: the shipped ones and its own imports, newest first. */
export async function listCatalogues(db: Db, municipalityId: number): Promise<catalogues.CatalogueSummary[]> {
	return catalogues.listCatalogues(db, municipalityId);
}

/** A stored catalogue version the municipality may see, parsed; undefined otherwise (also for another's import). */
export async function findCatalogue(db: Db, municipalityId: number, id: number): Promise<{ id: number; catalogue: Catalogue } | undefined> {
	const row = await catalogues.findCatalogue(db, municipalityId, id);
	return row && { id: row.id, catalogue: parsedCatalogue(row) };
}

/**
 * Stores a validated catalogue version for the municipality (null: shipped). A stored key + version
 * never changes: the same content is 'unchanged', other content a 'conflict'.
 */
export async function storeCatalogue(db: Db, catalogue: Catalogue, municipalityId: number | null, importedBy: number | null): Promise<catalogues.StoreResult> {
	return catalogues.storeCatalogue(db, catalogue, municipalityId, importedBy);
}

/** The municipality's unpublished catalogue versions, last edited first. */
export async function listDrafts(db: Db, municipalityId: number): Promise<drafts.DraftSummary[]> {
	return drafts.listDrafts(db, municipalityId);
}
