import { json } from '@sveltejs/kit';
import { measureInputSchema } from '$lib/schemas/measures';
import { apiAssessment, jsonBody, refusalResponse } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { createMeasure, listMeasures, measureJson } from '$lib/server/measures/measures';
import type { RequestHandler } from './$types';

/** The assessment's measures (every role of the municipality may read the plan). */
export const GET = (async ({ locals, params }) => {
	const access = await apiAssessment(getApp().db, locals, params.id);
	if (access instanceof Response) return access;
	return json((await listMeasures(getApp().db, access.assessment.id)).map(measureJson));
}) satisfies RequestHandler;

/** Creates a measure (coordinators). */
export const POST = (async ({ locals, params, request }) => {
	const access = await apiAssessment(getApp().db, locals, params.id, 'coordinator');
	if (access instanceof Response) return access;
	const input = await jsonBody(request, measureInputSchema);
	if (input instanceof Response) return input;
	try {
		const measure = await createMeasure(getApp().db, access.assessment, access.userId, input);
		return json(measureJson(measure), { status: 201 });
	} catch (err) {
		return refusalResponse(err);
	}
}) satisfies RequestHandler;
