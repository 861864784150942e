import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { findQuestion, listHistory } from '$lib/server/questionnaire/questionnaire';
import { catalogueOf } from '$lib/server/catalogues/versions';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const { assessment, role, userId } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator', 'editor');
	const { db } = getApp();
	const catalogue = await catalogueOf(db, assessment);
	const found = findQuestion(catalogue, params.question);
	if (!found) error(404, 'notFound');
	// Editors answer independently: they see the history of their own answers only (by user id).
	const visible = await listHistory(db, assessment.id, params.question, role === 'coordinator' ? undefined : userId);
	return {
		question: { id: found.question.id, text: found.question.text, area: found.area.number },
		entries: visible,
		scale: catalogue.scale.map((s) => ({ value: s.value, label: s.label })),
		self: userId
	};
}) satisfies PageServerLoad;
