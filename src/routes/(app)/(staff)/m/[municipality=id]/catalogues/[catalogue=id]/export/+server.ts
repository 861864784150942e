import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { findCatalogue } from '$lib/server/catalogues/catalogues';
import { requireRole } from '$lib/server/http/guards';
import type { RequestHandler } from './$types';

/** The stored catalogue file as it was validated, as a download that can be imported again. */
export const GET = (async ({ locals, params }) => {
	const { municipalityId } = requireRole(locals);
	const found = await findCatalogue(getApp().db, municipalityId, Number(params.catalogue));
	if (!found) error(404, 'notFound');
	const body = JSON.stringify(found.catalogue, null, 2) + '\n';
	// The stored key and version are the file's own `id` and `version`.
	const fileName = `${found.catalogue.id}-${found.catalogue.version}.json`.replace(/[^A-Za-z0-9._-]/g, '_');
	return new Response(body, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`
		}
	});
}) satisfies RequestHandler;
