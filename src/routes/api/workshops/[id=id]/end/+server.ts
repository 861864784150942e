import { json } from '@sveltejs/kit';
import { apiWorkshop, refusalResponse } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { endWorkshop } from '$lib/server/workshops/workshops';
import type { RequestHandler } from './$types';

/** Ends the workshop: no more ratings, ever. */
export const POST = (async ({ locals, params }) => {
	const access = await apiWorkshop(getApp().db, locals, params.id, 'coordinator', 'facilitator');
	if (access instanceof Response) return access;
	try {
		await endWorkshop(getApp().db, access.workshop.id);
	} catch (err) {
		return refusalResponse(err);
	}
	return json({ status: 'ended' });
}) satisfies RequestHandler;
