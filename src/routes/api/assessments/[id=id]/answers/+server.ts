import { json } from '@sveltejs/kit';
import { answerSchema } from '$lib/schemas/forms';
import { apiAssessment, jsonBody, refusalResponse } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { saveAnswers } from '$lib/server/questionnaire/questionnaire';
import type { RequestHandler } from './$types';

/**
 * Saves the caller's own answer to one question (the answer page's autosave). The answer is
 * committed before the response: a 200 means it is stored.
 */
export const POST = (async ({ locals, params, request }) => {
	const access = await apiAssessment(getApp().db, locals, params.id, 'coordinator', 'editor');
	if (access instanceof Response) return access;
	const input = await jsonBody(request, answerSchema);
	if (input instanceof Response) return input;
	try {
		const changed = await saveAnswers(getApp().db, access.assessment, access, [input]);
		return json({ status: changed > 0 ? 'saved' : 'unchanged', questionId: input.questionId });
	} catch (err) {
		return refusalResponse(err);
	}
}) satisfies RequestHandler;
