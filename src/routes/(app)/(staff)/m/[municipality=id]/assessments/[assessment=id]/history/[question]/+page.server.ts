import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { requireAssessment } from '$lib/server/assessment-access';
import * as questionnaire from '$lib/server/db/questionnaire';
import { catalogueOf, findQuestion } from '$lib/server/questionnaire';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const { assessment, role, userId } = await requireAssessment(locals, params.assessment, 'coordinator', 'editor');
	const { db } = getApp();
	const catalogue = await catalogueOf(db, assessment);
	const found = findQuestion(catalogue, params.question);
	if (!found) error(404, 'notFound');
	const entries = await questionnaire.listHistory(db, assessment.id, params.question);
	// Editors answer independently: they see the history of their own answers only.
	const user = locals.user!;
	const visible = role === 'coordinator' ? entries : entries.filter((e) => e.kind === 'answer' && e.raterName === user.name);
	return {
		question: { id: found.question.id, text: found.question.text, area: found.area.number },
		entries: visible,
		scale: catalogue.scale.map((s) => ({ value: s.value, label: s.label })),
		self: userId
	};
}) satisfies PageServerLoad;
