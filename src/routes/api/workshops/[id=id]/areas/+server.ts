import { json } from '@sveltejs/kit';
import { workshopAreasSchema } from '$lib/schemas/forms';
import { apiWorkshop, jsonBody, refusalResponse } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { currentState, setAreas } from '$lib/server/workshops/workshops';
import type { RequestHandler } from './$types';

/** Opens or closes areas for rating. */
export const POST = (async ({ locals, params, request }) => {
	const access = await apiWorkshop(getApp().db, locals, params.id, 'coordinator', 'facilitator');
	if (access instanceof Response) return access;
	const input = await jsonBody(request, workshopAreasSchema);
	if (input instanceof Response) return input;
	const { db } = getApp();
	try {
		await setAreas(db, access.workshop.id, input.areas, input.open);
	} catch (err) {
		return refusalResponse(err);
	}
	return json(await currentState(db, access.workshop.id));
}) satisfies RequestHandler;
