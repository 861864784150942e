import type { Db } from './index';
import type { CatalogueDraftRow } from './schema';
import type { Catalogue } from '$lib/schemas/catalogue';
import { now } from '../platform/clock';

export interface DraftSummary {
	id: number;
	version: string;
	title: string;
	basedOn: number | null;
	updatedAt: string;
	updatedBy: string | null;
}

/** The municipality's unpublished catalogue versions, last edited first. */
export async function listDrafts(db: Db, municipalityId: number): Promise<DraftSummary[]> {
	const rows = await db
		.selectFrom('catalogue_draft')
		.leftJoin('user', 'user.id', 'catalogue_draft.updated_by')
		.select(['catalogue_draft.id', 'catalogue_draft.content', 'catalogue_draft.based_on', 'catalogue_draft.updated_at', 'user.name as updatedBy'])
		.where('catalogue_draft.municipality_id', '=', municipalityId)
		.orderBy('catalogue_draft.updated_at', 'desc')
		.orderBy('catalogue_draft.id', 'desc')
		.execute();
	return rows.map((r) => {
		const content = parseDraft(r.content);
		return { id: r.id, version: content.version, title: content.title.de, basedOn: r.based_on, updatedAt: r.updated_at, updatedBy: r.updatedBy };
	});
}

/** The draft if it belongs to the municipality; undefined otherwise (also for another's id). */
export async function findDraft(db: Db, municipalityId: number, id: number): Promise<CatalogueDraftRow | undefined> {
	return db
		.selectFrom('catalogue_draft')
		.selectAll()
		.where('id', '=', id)
		.where('municipality_id', '=', municipalityId)
		.executeTakeFirst();
}

/** A draft's content. Only the editor writes it, always from a catalogue's shape. */
export function parseDraft(content: string): Catalogue {
	return JSON.parse(content) as Catalogue;
}

export async function createDraft(
	db: Db,
	values: { municipalityId: number; basedOn: number; content: Catalogue; userId: number }
): Promise<number> {
	const at = now();
	const row = await db
		.insertInto('catalogue_draft')
		.values({
			municipality_id: values.municipalityId,
			based_on: values.basedOn,
			content: JSON.stringify(values.content),
			created_by: values.userId,
			created_at: at,
			updated_by: values.userId,
			updated_at: at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function saveDraft(db: Db, id: number, content: Catalogue, userId: number): Promise<void> {
	await db
		.updateTable('catalogue_draft')
		.set({ content: JSON.stringify(content), updated_by: userId, updated_at: now() })
		.where('id', '=', id)
		.execute();
}

export async function deleteDraft(db: Db, id: number): Promise<void> {
	await db.deleteFrom('catalogue_draft').where('id', '=', id).execute();
}
