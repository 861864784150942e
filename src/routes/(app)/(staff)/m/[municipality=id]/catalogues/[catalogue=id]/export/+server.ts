import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import * as catalogues from '$lib/server/db/catalogues';
import { requireRole } from '$lib/server/http/guards';
import type { RequestHandler } from './$types';

/** The stored catalogue file as it was validated, as a download that can be imported again. */
export const GET = (async ({ locals, params }) => {
	const { municipalityId } = requireRole(locals);
	const row = await catalogues.findCatalogue(getApp().db, municipalityId, Number(params.catalogue));
	if (!row) error(404, 'notFound');
	const body = JSON.stringify(catalogues.parseContent(row), null, 2) + '\n';
	const fileName = `${row.catalogue_key}-${row.version}.json`.replace(/[^A-Za-z0-9._-]/g, '_');
	return new Response(body, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`
		}
	});
}) satisfies RequestHandler;
