import { json } from '@sveltejs/kit';
import { answerSchema } from '$lib/schemas/forms';
import { apiAssessment, apiError } from '$lib/server/api';
import { getApp } from '$lib/server/app';
import { Refusal, saveAnswers } from '$lib/server/questionnaire';
import type { RequestHandler } from './$types';

/**
 * Saves the caller's own answer to one question (the answer page's autosave). The answer is
 * committed before the response: a 200 means it is stored.
 */
export const POST = (async ({ locals, params, request }) => {
	const access = await apiAssessment(locals, params.id, 'coordinator', 'editor');
	if (access instanceof Response) return access;
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return apiError(400, 'invalidJson');
	}
	const parsed = answerSchema.safeParse(body);
	if (!parsed.success) {
		const code = parsed.error.issues[0]?.message;
		return apiError(422, code && /^[a-zA-Z]+$/.test(code) ? code : 'invalid');
	}
	try {
		const changed = await saveAnswers(getApp().db, access.assessment, access, [parsed.data]);
		return json({ status: changed > 0 ? 'saved' : 'unchanged', questionId: parsed.data.questionId });
	} catch (err) {
		if (err instanceof Refusal) return apiError(err.status, err.code);
		throw err;
	}
}) satisfies RequestHandler;
