import { fail } from '@sveltejs/kit';
import { agreementStatus, spread, type AgreementStatus } from '$lib/domain/agreement';
import { agreedSchema } from '$lib/schemas/forms';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { nameOf, staffOf } from '$lib/server/accounts/memberships';
import { Refusal, listAgreed, listAnswers, setAgreedAnswer } from '$lib/server/questionnaire/questionnaire';
import { catalogueOf } from '$lib/server/catalogues/versions';
import { parseForm, readForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

const FILTERS = ['all', 'open', 'answered'] as const;
type Filter = (typeof FILTERS)[number];

export const load = (async ({ locals, params, url }) => {
	const { assessment } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator');
	const { db } = getApp();
	const catalogue = await catalogueOf(db, assessment);
	const [answers, agreed, staff] = await Promise.all([
		listAnswers(db, assessment.id),
		listAgreed(db, assessment.id),
		staffOf(db, assessment.municipality_id)
	]);
	const names = new Map(staff.map((s) => [s.id, s.name]));
	const agreedById = new Map(agreed.map((a) => [a.question_id, a]));
	const filterParam = url.searchParams.get('filter');
	// Open disagreements are what this page is for; the other views are one click away.
	const filter: Filter = FILTERS.includes(filterParam as Filter) ? (filterParam as Filter) : 'open';
	const areaFilter = Number(url.searchParams.get('area')) || null;

	const counts: Record<AgreementStatus, number> = { unanswered: 0, agreed: 0, disagreement: 0, resolved: 0 };
	const questions = catalogue.areas.flatMap((area) =>
		area.questions.map((question) => {
			const raters = answers
				.filter((a) => a.question_id === question.id)
				.map((a) => ({ userId: a.user_id, name: names.get(a.user_id) ?? '?', value: a.value, comment: a.comment, evidence: a.evidence }));
			const current = agreedById.get(question.id);
			const agreedAnswer = current && { value: current.value, automatic: current.automatic === 1 };
			const status = agreementStatus(raters, agreedAnswer);
			counts[status] += 1;
			return {
				id: question.id,
				area: area.number,
				topic: area.topics.find((t) => t.id === question.topic)?.name ?? null,
				text: question.text,
				raters,
				spread: spread(raters, catalogue),
				status,
				agreed: current
					? {
							value: current.value,
							reason: current.reason,
							automatic: current.automatic === 1,
							version: current.version,
							setBy: current.set_by === null ? null : (names.get(current.set_by) ?? null),
							setAt: current.set_at
						}
					: null
			};
		})
	);
	return {
		filter,
		areaFilter,
		counts,
		/**
		 * Every question; the page applies the filter, so a question whose save was just refused
		 * stays in view with the other person's change even after it left the filter.
		 */
		questions,
		scale: catalogue.scale.map((s) => ({ value: s.value, label: s.label, points: s.points })),
		readOnly: assessment.status === 'closed'
	};
}) satisfies PageServerLoad;

export const actions = {
	agree: async ({ locals, params, request }) => {
		const { assessment, userId } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator');
		const parsed = parseForm(agreedSchema, await readForm(request));
		if (!parsed.ok) return fail(400, { questionId: parsed.values.questionId ?? '', values: parsed.values, errors: parsed.errors });
		const { questionId, value, reason, version } = parsed.data;
		const values = { questionId, value, reason };
		try {
			const result = await setAgreedAnswer(getApp().db, assessment, userId, { questionId, value, reason, expectedVersion: version });
			if (result.status === 'conflict') {
				const current = result.current;
				const setBy = current?.set_by ? await nameOf(getApp().db, current.set_by) : null;
				return fail(409, {
					questionId,
					values,
					errors: { form: 'versionConflict' },
					conflict: current ? { value: current.value, reason: current.reason, setBy, setAt: current.set_at } : null
				});
			}
		} catch (err) {
			if (err instanceof Refusal) return fail(err.status, { questionId, values, errors: { [err.code === 'reasonRequired' ? 'reason' : 'form']: err.code } });
			throw err;
		}
		return { questionId, saved: true };
	}
} satisfies Actions;
