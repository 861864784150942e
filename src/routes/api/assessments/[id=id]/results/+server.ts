import { json } from '@sveltejs/kit';
import { formatScore } from '$lib/domain/scoring';
import { apiAssessment } from '$lib/server/api';
import { getApp } from '$lib/server/app';
import { adminResult } from '$lib/server/results';
import type { RequestHandler } from './$types';

/**
 * The administration's result per area in official order. `answered` counts agreed answers that
 * score (not "weiß nicht"); `adminScore` is rounded to one decimal; null when not assessable.
 */
export const GET = (async ({ locals, params }) => {
	const access = await apiAssessment(locals, params.id);
	if (access instanceof Response) return access;
	const result = await adminResult(getApp().db, access.assessment);
	return json({
		assessment: { id: access.assessment.id, name: access.assessment.name, status: access.assessment.status },
		areas: result.areas.map((score) => ({
			area: score.area,
			name: result.catalogue.areas.find((a) => a.number === score.area)!.name.de,
			answered: score.answered,
			total: score.total,
			adminScore: score.score === null ? null : formatScore(score.score),
			adminLevel: score.level
		}))
	});
}) satisfies RequestHandler;
