import { json } from '@sveltejs/kit';
import { workshopFlagsSchema } from '$lib/schemas/forms';
import { apiWorkshop, jsonBody, refusalResponse } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { findWorkshop, setWorkshopFlags } from '$lib/server/workshops/workshops';
import type { RequestHandler } from './$types';

/** Marks the workshop as rehearsal or not (`rehearsal`) and archives it or brings it back (`archived`). */
export const POST = (async ({ locals, params, request }) => {
	const access = await apiWorkshop(getApp().db, locals, params.id, 'coordinator', 'facilitator');
	if (access instanceof Response) return access;
	const input = await jsonBody(request, workshopFlagsSchema);
	if (input instanceof Response) return input;
	const { db } = getApp();
	try {
		await setWorkshopFlags(db, access.workshop.assessment_id, access.workshop.id, input);
	} catch (err) {
		return refusalResponse(err);
	}
	const row = (await findWorkshop(db, access.workshop.id))!;
	return json({ id: row.id, rehearsal: row.rehearsal === 1, archived: row.archived_at !== null });
}) satisfies RequestHandler;
