import { fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/forms';
import { assignmentsSchema } from '$lib/schemas/forms';
import { areaProgress, totalProgress } from '$lib/domain/progress';
import { getApp } from '$lib/server/app';
import { requireAssessment } from '$lib/server/assessment-access';
import * as questionnaire from '$lib/server/db/questionnaire';
import * as users from '$lib/server/db/users';
import { Refusal, catalogueOf, setAssignments, setStatus } from '$lib/server/questionnaire';
import { adminResult } from '$lib/server/results';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const { assessment, role, userId } = await requireAssessment(locals, params.assessment);
	const { db } = getApp();
	const catalogue = await catalogueOf(db, assessment);
	const [answers, assignments, staff, statusHistory, result] = await Promise.all([
		questionnaire.listAnswers(db, assessment.id),
		questionnaire.listAssignments(db, assessment.id),
		users.listStaff(db, assessment.municipality_id),
		questionnaire.listHistory(db, assessment.id, null),
		adminResult(db, assessment)
	]);
	const facts = answers.map((a) => ({ questionId: a.question_id, userId: a.user_id, value: a.value }));
	const myAreas = assignments.filter((a) => a.userId === userId).map((a) => a.area);
	const mine = areaProgress(catalogue, facts, userId).filter((p) => myAreas.includes(p.area));
	const raters = staff.filter((s) => s.active && (s.role === 'editor' || s.role === 'coordinator'));

	return {
		role,
		mine,
		mineTotal: totalProgress(mine),
		overall: role === 'facilitator' ? [] : areaProgress(catalogue, facts),
		people:
			role === 'coordinator'
				? raters.map((person) => {
						const areas = assignments.filter((a) => a.userId === person.id).map((a) => a.area);
						const progress = areaProgress(catalogue, facts, person.id).filter((p) => areas.includes(p.area));
						return { id: person.id, name: person.name, role: person.role, areas, ...totalProgress(progress) };
					})
				: [],
		assignments: role === 'coordinator' ? assignments : [],
		openDisagreements: result.openDisagreements,
		statusHistory: statusHistory.map((h) => ({ kind: h.kind, actorName: h.actorName, createdAt: h.createdAt }))
	};
}) satisfies PageServerLoad;

export const actions = {
	assign: async ({ locals, params, request }) => {
		const { assessment } = await requireAssessment(locals, params.assessment, 'coordinator');
		const form = await readForm(request);
		const parsed = assignmentsSchema.safeParse(form.getAll('assign').map(String));
		if (!parsed.success) return fail(400, { error: parsed.error.issues[0]?.message ?? 'invalid', action: 'assign' as const });
		const assignments = parsed.data;
		try {
			await setAssignments(getApp().db, assessment, assignments);
		} catch (err) {
			if (err instanceof Refusal) return fail(err.status, { error: err.code, action: 'assign' as const });
			throw err;
		}
		return { notice: 'assigned' as const };
	},
	close: async ({ locals, params }) => statusAction(locals, params.assessment, 'closed'),
	reopen: async ({ locals, params }) => statusAction(locals, params.assessment, 'open')
} satisfies Actions;

async function statusAction(locals: App.Locals, assessmentParam: string, status: 'open' | 'closed') {
	const { assessment, userId, municipalityId } = await requireAssessment(locals, assessmentParam, 'coordinator');
	try {
		await setStatus(getApp().db, assessment, status, userId);
	} catch (err) {
		if (err instanceof Refusal) return fail(err.status, { error: err.code, action: 'status' as const });
		throw err;
	}
	redirect(303, `/m/${municipalityId}/assessments/${assessment.id}?${status === 'closed' ? 'closed' : 'reopened'}=1`);
}
