import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { catalogueOf } from '$lib/server/catalogues/versions';
import { findRound } from '$lib/server/rounds/rounds';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const { assessment } = await requireAssessment(getApp().db, locals, params.assessment);
	const { db } = getApp();
	const catalogue = await catalogueOf(db, assessment);
	const previous =
		assessment.previous_assessment_id === null
			? undefined
			: await findRound(db, assessment.municipality_id, assessment.previous_assessment_id);
	return {
		/** The round this one follows, named in the head of every page of the round. */
		previousRound: previous ? { id: previous.id, name: previous.name } : null,
		assessment: { id: assessment.id, name: assessment.name, status: assessment.status, closedAt: assessment.closed_at },
		catalogueInfo: { title: catalogue.title, version: catalogue.version },
		areaList: catalogue.areas.map((a) => ({ number: a.number, name: a.name, questionCount: a.questions.length }))
	};
}) satisfies LayoutServerLoad;
