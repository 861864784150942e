import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { findCatalogue } from '$lib/server/catalogues/catalogues';
import { requireRole } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const { municipalityId } = requireRole(locals);
	const found = await findCatalogue(getApp().db, municipalityId, Number(params.catalogue));
	if (!found) error(404, 'notFound');
	return { catalogue: found.catalogue, catalogueId: found.id };
}) satisfies PageServerLoad;
