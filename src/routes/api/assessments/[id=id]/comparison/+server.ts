import { json } from '@sveltejs/kit';
import { apiAssessment, refusalResponse } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { comparisonFor } from '$lib/server/results/comparison';
import type { RequestHandler } from './$types';

/**
 * The anonymous comparison per area in official order: `{ area, group: { type, band?, municipalities },
 * median, q1, q3, own: { score, position } }` in whole points (quartiles linear between closest
 * ranks), or `{ area, tooFew: true }` when the group has fewer than 5 other municipalities. Never a
 * name or id of another municipality. Coordinators and editors; 409 `comparisonNotOptedIn` when the
 * municipality has not joined the comparison, 409 `comparisonNoKind` when its kind is not described.
 */
export const GET = (async ({ locals, params }) => {
	const access = await apiAssessment(getApp().db, locals, params.id, 'coordinator', 'editor');
	if (access instanceof Response) return access;
	try {
		const view = await comparisonFor(getApp().db, access.assessment);
		return json({
			assessment: { id: access.assessment.id, status: access.assessment.status },
			provisional: view.provisional,
			method: 'quartiles: linear interpolation between closest ranks (type 7), whole points',
			areas: view.areas
		});
	} catch (err) {
		return refusalResponse(err);
	}
}) satisfies RequestHandler;
