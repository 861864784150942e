import { fail, redirect } from '@sveltejs/kit';
import { assignmentsSchema, closeSchema, roundStartSchema } from '$lib/schemas/forms';
import { drainBody, parseForm, readForm } from '$lib/server/http/forms';
import { areaProgress, totalProgress } from '$lib/domain/progress';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { staffOf } from '$lib/server/accounts/memberships';
import { Refusal, listAnswers, listAssignments, listHistory, parseOpenItems, setAssignments, setStatus } from '$lib/server/questionnaire/questionnaire';
import { catalogueOf } from '$lib/server/catalogues/versions';
import { adminResult, openItemsOf } from '$lib/server/results/results';
import { roundCatalogues, startRound } from '$lib/server/rounds/rounds';
import { t } from '$lib/i18n/staff';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const { assessment, role, userId } = await requireAssessment(getApp().db, locals, params.assessment);
	const { db } = getApp();
	const catalogue = await catalogueOf(db, assessment);
	const [answers, assignments, staff, statusHistory, result] = await Promise.all([
		listAnswers(db, assessment.id),
		listAssignments(db, assessment.id),
		staffOf(db, assessment.municipality_id),
		listHistory(db, assessment.id, null),
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
		/** "Neue Runde starten": the catalogue versions a next round may use (same or newer edition). */
		roundCatalogues: role === 'coordinator' ? await roundCatalogues(db, assessment) : [],
		openDisagreements: result.openDisagreements,
		notAssessable: result.areas.filter((a) => !a.assessable).map((a) => a.area),
		/** The confirmation step of closing (`?close=confirm`): shown instead of the one-click button. */
		confirmClose: role === 'coordinator' && assessment.status === 'open' && url.searchParams.get('close') === 'confirm',
		statusHistory: statusHistory.map((h) => ({
			kind: h.kind,
			actorName: h.actorName,
			createdAt: h.createdAt,
			reason: h.newReason,
			openItems: parseOpenItems(h.newValue)
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	assign: async ({ locals, params, request }) => {
		const { assessment } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator');
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
	/**
	 * Closing takes two steps: without `step=final` (the one-click form, or an old page) it leads
	 * to the confirmation, which lists what is open; closing with open items needs a reason.
	 */
	close: async ({ locals, params, request }) => {
		const { assessment, municipalityId } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator');
		const parsed = parseForm(closeSchema, await readForm(request));
		if (!parsed.ok) {
			if (parsed.errors.step) redirect(303, `/m/${municipalityId}/assessments/${assessment.id}?close=confirm#close-heading`);
			return fail(400, { action: 'close' as const, errors: parsed.errors, values: parsed.values });
		}
		const openItems = openItemsOf(await adminResult(getApp().db, assessment));
		if (openItems && parsed.data.reason === '') {
			return fail(400, { action: 'close' as const, errors: { reason: 'closeReasonRequired' }, values: { reason: '' } });
		}
		return statusAction(locals, params.assessment, 'closed', { reason: parsed.data.reason, openItems });
	},
	reopen: async ({ locals, params, request }) => {
		await drainBody(request);
		return statusAction(locals, params.assessment, 'open');
	},
	/** "Neue Runde starten": the next round after this one; the catalogue is checked again on the server. */
	startRound: async ({ locals, params, request }) => {
		const { assessment, municipalityId, userId } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator');
		const parsed = parseForm(roundStartSchema, await readForm(request));
		if (!parsed.ok) return fail(400, { action: 'round' as const, errors: parsed.errors, values: parsed.values });
		const { name, catalogueId } = parsed.data;
		const m = t(locals.lang);
		const reason = assessment.profile ? m.profiles.reason(m.profiles.name(assessment.profile)) : '';
		let created;
		try {
			created = await startRound(getApp().db, assessment, { name, catalogueId, userId, reason });
		} catch (err) {
			if (!(err instanceof Refusal)) throw err;
			const field = err.code === 'assessmentExists' ? 'name' : 'catalogueId';
			return fail(err.status, { action: 'round' as const, errors: { [field]: err.code }, values: { name, catalogueId: String(catalogueId) } });
		}
		redirect(303, `/m/${municipalityId}/assessments/${created.id}?started=1`);
	}
} satisfies Actions;

async function statusAction(
	locals: App.Locals,
	assessmentParam: string,
	status: 'open' | 'closed',
	closing?: Parameters<typeof setStatus>[4]
) {
	const { assessment, userId, municipalityId } = await requireAssessment(getApp().db, locals, assessmentParam, 'coordinator');
	try {
		await setStatus(getApp().db, assessment, status, userId, closing);
	} catch (err) {
		if (err instanceof Refusal) return fail(err.status, { error: err.code, action: 'status' as const });
		throw err;
	}
	redirect(303, `/m/${municipalityId}/assessments/${assessment.id}?${status === 'closed' ? 'closed' : 'reopened'}=1`);
}
