import { suggestVersion } from '$lib/domain/catalogue-edit';
import { validateCatalogue, type Catalogue, type CatalogueProblem } from '$lib/schemas/catalogue';
import type { Db } from '../db';
import * as catalogues from '../db/catalogues';
import * as drafts from '../db/catalogue-drafts';
import * as municipalities from '../db/municipalities';
import { storedPreviousProblems } from './editions';

/** A draft of a new catalogue version, opened by a coordinator of its municipality. */
export interface OpenDraft {
	id: number;
	municipalityId: number;
	content: Catalogue;
}

/**
 * "Neue Version bearbeiten": a draft copied from a stored version, with a new version proposed
 * (one no stored version or draft of the municipality has). Undefined for a catalogue the
 * municipality may not see. Returns the draft's id.
 */
export async function startDraft(db: Db, municipalityId: number, catalogueId: number, userId: number): Promise<number | undefined> {
	const row = await catalogues.findCatalogue(db, municipalityId, catalogueId);
	if (!row) return undefined;
	// Parsed afresh, not taken from the cache of stored versions: this copy is changed below.
	const content = catalogues.parseContent(row);
	const municipality = await municipalities.findMunicipality(db, municipalityId);
	const taken = [
		...(await catalogues.listCatalogues(db, municipalityId)).map((c) => c.version),
		...(await drafts.listDrafts(db, municipalityId)).map((d) => d.version)
	];
	content.version = suggestVersion(content.version, municipality?.name ?? 'kommune', taken);
	// The edited version is the next edition of the one it was copied from: kept question ids
	// stay comparable across rounds, removed ones count as dropped (see question-map.ts).
	content.previous = { catalogueId: content.id, version: row.version, questionMap: [] };
	return drafts.createDraft(db, { municipalityId, basedOn: row.id, content, userId });
}

/** The municipality's draft; undefined for another's or an unknown id. */
export async function openDraft(db: Db, municipalityId: number, id: number): Promise<OpenDraft | undefined> {
	const row = await drafts.findDraft(db, municipalityId, id);
	return row && { id: row.id, municipalityId, content: drafts.parseDraft(row.content) };
}

/** Stores the draft's edited content, recorded as `userId`'s change. */
export async function saveDraft(db: Db, draft: OpenDraft, content: Catalogue, userId: number): Promise<void> {
	await drafts.saveDraft(db, draft.id, content, userId);
}

/** Deletes the draft; the stored version it was copied from stays. */
export async function discardDraft(db: Db, draft: OpenDraft): Promise<void> {
	await drafts.deleteDraft(db, draft.id);
}

/**
 * Why a draft was not published: its content is no valid catalogue (`problems` located in `json`),
 * its `previous` does not fit what is stored (located in `catalogue`), or its version is taken.
 */
export type PublishRefusal = { status: 'invalid'; problems: CatalogueProblem[]; json: unknown } | { status: 'versionExists'; version: string };

/**
 * Publishes the draft as a stored version of the municipality, checked as an import is, and
 * deletes the draft. Returns the stored version's id and catalogue, or why it was refused.
 */
export async function publishDraft(
	db: Db,
	draft: OpenDraft,
	userId: number
): Promise<{ ok: true; id: number; catalogue: Catalogue } | ({ ok: false } & PublishRefusal)> {
	const validation = validateCatalogue(draft.content);
	if (!validation.ok) return { ok: false, status: 'invalid', problems: validation.problems, json: validation.json };
	const { catalogue } = validation;
	const stale = await storedPreviousProblems(db, draft.municipalityId, catalogue);
	if (stale.length > 0) return { ok: false, status: 'invalid', problems: stale, json: catalogue };
	const taken = (await catalogues.listCatalogues(db, draft.municipalityId)).some((c) => c.key === catalogue.id && c.version === catalogue.version);
	if (taken) return { ok: false, status: 'versionExists', version: catalogue.version };
	const result = await catalogues.storeCatalogue(db, catalogue, draft.municipalityId, userId);
	if (result.status !== 'stored') return { ok: false, status: 'versionExists', version: catalogue.version };
	await drafts.deleteDraft(db, draft.id);
	return { ok: true, id: result.id, catalogue };
}
