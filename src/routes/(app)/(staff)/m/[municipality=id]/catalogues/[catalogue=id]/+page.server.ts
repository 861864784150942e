import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import * as catalogues from '$lib/server/db/catalogues';
import { requireRole } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const { municipalityId } = requireRole(locals);
	const row = await catalogues.findCatalogue(getApp().db, municipalityId, Number(params.catalogue));
	if (!row) error(404, 'notFound');
	return { catalogue: catalogues.parseContent(row), catalogueId: row.id };
}) satisfies PageServerLoad;
