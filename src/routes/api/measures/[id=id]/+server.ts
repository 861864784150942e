import { json } from '@sveltejs/kit';
import { measurePatchSchema } from '$lib/schemas/measures';
import { apiAssessment, apiError, jsonBody, refusalResponse } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { assessmentOfMeasure, measureJson, updateMeasure } from '$lib/server/measures/measures';
import type { RequestHandler } from './$types';

/**
 * Changes a measure (coordinators): any subset of its fields, optionally the `version` it started
 * from (409 when someone saved since) and a status `note` dated today. Every change is recorded.
 */
export const PATCH = (async ({ locals, params, request }) => {
	if (!locals.user) return apiError(401, 'login');
	const measureId = Number(params.id);
	const assessmentId = await assessmentOfMeasure(getApp().db, measureId);
	// Without a measure there is no municipality to check: the same 404 as for no access.
	const access = await apiAssessment(getApp().db, locals, String(assessmentId ?? 0), 'coordinator');
	if (access instanceof Response) return access;
	const input = await jsonBody(request, measurePatchSchema);
	if (input instanceof Response) return input;
	try {
		const measure = await updateMeasure(getApp().db, access.assessment, measureId, access.userId, input);
		return json(measureJson(measure));
	} catch (err) {
		return refusalResponse(err);
	}
}) satisfies RequestHandler;
