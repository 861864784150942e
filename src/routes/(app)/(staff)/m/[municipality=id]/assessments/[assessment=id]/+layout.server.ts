import { getApp } from '$lib/server/app';
import { requireAssessment } from '$lib/server/assessment-access';
import { catalogueOf } from '$lib/server/questionnaire';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const { assessment } = await requireAssessment(locals, params.assessment);
	const catalogue = await catalogueOf(getApp().db, assessment);
	return {
		assessment: { id: assessment.id, name: assessment.name, status: assessment.status, closedAt: assessment.closed_at },
		catalogueInfo: { title: catalogue.title, version: catalogue.version },
		areaList: catalogue.areas.map((a) => ({ number: a.number, name: a.name, questionCount: a.questions.length }))
	};
}) satisfies LayoutServerLoad;
