import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/api';
import { getApp } from '$lib/server/app';
import * as assessments from '$lib/server/db/assessments';
import type { RequestHandler } from './$types';

/** The assessments of every municipality the caller works in. */
export const GET = (async ({ locals }) => {
	if (!locals.user) return apiError(401, 'login');
	const rows = await assessments.listVisibleAssessments(getApp().db, locals.user.id);
	return json(rows.map((r) => ({ id: r.id, name: r.name, municipality: r.municipality })));
}) satisfies RequestHandler;
