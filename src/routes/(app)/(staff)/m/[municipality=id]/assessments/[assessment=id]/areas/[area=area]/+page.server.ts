import { error, fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/forms';
import { answerSchema } from '$lib/schemas/forms';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { Refusal, isAssigned, listAnswers, listAssignments, saveAnswers, type AnswerInput } from '$lib/server/questionnaire/questionnaire';
import { catalogueOf } from '$lib/server/catalogues/versions';
import type { Profile } from '$lib/domain/profiles';
import { lastRoundReferences } from '$lib/server/rounds/rounds';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const { assessment, role, userId } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator', 'editor');
	const { db } = getApp();
	const areaNumber = Number(params.area);
	if (role !== 'coordinator' && !(await isAssigned(db, assessment.id, areaNumber, userId))) {
		error(403, 'notAssigned');
	}
	const catalogue = await catalogueOf(db, assessment);
	const area = catalogue.areas.find((a) => a.number === areaNumber)!;
	const answers = (await listAnswers(db, assessment.id)).filter((a) => a.user_id === userId);
	// The next area this person works on: their next assigned one, or for the coordinator the next in order.
	const assigned = (await listAssignments(db, assessment.id)).filter((a) => a.userId === userId).map((a) => a.area);
	const next = catalogue.areas
		.filter((a) => a.number > areaNumber && (role === 'coordinator' || assigned.includes(a.number)))
		.sort((a, b) => a.number - b.number)[0];
	const last = await lastRoundReferences(db, assessment);
	const areaIds = new Set(area.questions.map((q) => q.id));
	const mine = Object.fromEntries(
		answers.map((a) => [a.question_id, { value: a.value, comment: a.comment, evidence: a.evidence }])
	);
	return {
		area: { number: area.number, name: area.name, description: area.description, topics: area.topics, questions: area.questions },
		scale: catalogue.scale.map((s) => ({ value: s.value, label: s.label })),
		mine,
		nextArea: next ? { number: next.number, name: next.name } : null,
		readOnly: assessment.status === 'closed',
		/** Last round's agreed answers beside the questions: a reference, never an answer. */
		lastRound: last && {
			name: last.round.name,
			references: Object.fromEntries(Object.entries(last.references).filter(([id]) => areaIds.has(id)))
		},
		/** Questions the catalogue marks as not applicable for it are labelled so. */
		profile: assessment.profile as Profile | null
	};
}) satisfies PageServerLoad;

export const actions = {
	/** The save button of the page (without JavaScript): every question of the area in one transaction. */
	save: async ({ locals, params, request }) => {
		const { assessment, role, userId, municipalityId } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator', 'editor');
		const { db } = getApp();
		const catalogue = await catalogueOf(db, assessment);
		const area = catalogue.areas.find((a) => a.number === Number(params.area))!;
		const form = await readForm(request);

		const areaIds = new Set(area.questions.map((q) => q.id));
		const submitted = new Set([...form.keys()].filter((k) => /^(value|comment|evidence):/.test(k)).map((k) => k.split(':').slice(1).join(':')));
		// More questions than the area has cannot all be its own; refuse without echoing them back.
		if (submitted.size > areaIds.size) return fail(422, { values: {}, errors: {}, error: 'tooMany' as const });
		const values: Record<string, { value: string | null; comment: string; evidence: string }> = {};
		const errors: Record<string, string> = {};
		const inputs: AnswerInput[] = [];
		for (const questionId of submitted) {
			const raw = {
				questionId,
				value: form.has(`value:${questionId}`) ? String(form.get(`value:${questionId}`)) : null,
				comment: String(form.get(`comment:${questionId}`) ?? ''),
				evidence: String(form.get(`evidence:${questionId}`) ?? '')
			};
			values[questionId] = raw;
			if (!areaIds.has(questionId)) {
				errors[questionId] = 'unknownQuestion';
				continue;
			}
			const parsed = answerSchema.safeParse(raw);
			if (parsed.success) inputs.push(parsed.data);
			else errors[questionId] = parsed.error.issues[0]?.message ?? 'invalid';
		}
		// Nothing is written while any answer is refused; the page shows everything that was typed.
		if (Object.keys(errors).length > 0) return fail(422, { values, errors, error: 'answersNotSaved' as const });
		let changed: number;
		try {
			changed = await saveAnswers(db, assessment, { userId, role }, inputs);
		} catch (err) {
			if (err instanceof Refusal) return fail(err.status, { values, errors: {}, error: err.code });
			throw err;
		}
		redirect(303, `/m/${municipalityId}/assessments/${assessment.id}/areas/${area.number}?saved=${changed}`);
	}
} satisfies Actions;
