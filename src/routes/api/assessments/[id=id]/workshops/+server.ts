import { json } from '@sveltejs/kit';
import { workshopCreateSchema } from '$lib/schemas/forms';
import { apiAssessment, jsonBody } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { createWorkshop } from '$lib/server/workshops/workshops';
import { today } from '$lib/server/platform/clock';
import type { RequestHandler } from './$types';

/** Creates a workshop for the assessment (facilitators and coordinators). */
export const POST = (async ({ locals, params, request }) => {
	const access = await apiAssessment(getApp().db, locals, params.id, 'coordinator', 'facilitator');
	if (access instanceof Response) return access;
	const input = await jsonBody(request, workshopCreateSchema);
	if (input instanceof Response) return input;
	const workshop = await createWorkshop(getApp().db, access.assessment, access.userId, {
		...input,
		heldOn: input.heldOn ?? today(),
		areas: [...new Set(input.areas)].sort()
	});
	return json({ id: workshop.id, code: workshop.code }, { status: 201 });
}) satisfies RequestHandler;
