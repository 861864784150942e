import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { findProposalOfAssessment } from '$lib/server/groups/proposals';
import { readForm } from '$lib/server/http/forms';
import { formValues, parseMeasureForm } from '$lib/server/measures/form';
import { createMeasure } from '$lib/server/measures/measures';
import { Refusal } from '$lib/server/http/refusal';
import type { Actions, PageServerLoad } from './$types';

/** The empty form, or one prefilled from a small group's proposal (`?proposal=ID`). */
export const load = (async ({ locals, params, url }) => {
	const { assessment } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator');
	const proposalId = Number(url.searchParams.get('proposal'));
	const proposal = Number.isInteger(proposalId) && proposalId > 0 ? await findProposalOfAssessment(getApp().db, assessment.id, proposalId) : undefined;
	const description = proposal ? [proposal.what, proposal.first_step ? `Erster Schritt: ${proposal.first_step}` : ''].filter(Boolean).join('\n\n') : '';
	return {
		fromProposal: proposal ? proposal.id : null,
		values: {
			title: proposal ? proposal.what.split('\n')[0]!.slice(0, 200) : '',
			description,
			areas: proposal ? [proposal.area] : [],
			questions: '',
			gapArea: proposal ? String(proposal.area) : '',
			owner: proposal?.who.slice(0, 300) ?? '',
			partners: '',
			budgetKind: 'open',
			budgetAmount: '',
			startOn: '',
			dueOn: '',
			priority: 'medium',
			status: 'planned',
			proposalIds: proposal ? [proposal.id] : []
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, params, request }) => {
		const { assessment, userId, municipalityId } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator');
		const form = await readForm(request);
		const parsed = parseMeasureForm(form);
		if (!parsed.ok) return fail(400, { values: formValues(form), errors: parsed.errors });
		let id: number;
		try {
			id = (await createMeasure(getApp().db, assessment, userId, parsed.data)).id;
		} catch (err) {
			if (err instanceof Refusal) return fail(err.status, { values: formValues(form), errors: { form: err.code } as Record<string, string> });
			throw err;
		}
		redirect(303, `/m/${municipalityId}/assessments/${assessment.id}/measures/${id}?saved=created`);
	}
} satisfies Actions;
