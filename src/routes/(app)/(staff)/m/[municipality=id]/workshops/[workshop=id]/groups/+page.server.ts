import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { summarySchema } from '$lib/schemas/measures';
import { getApp } from '$lib/server/app';
import { requireWorkshop } from '$lib/server/assessment-access';
import { berlinMinute } from '$lib/server/exports';
import { readForm } from '$lib/server/forms';
import { endGroupPhase, groupOverview, saveSummary, setProposalHidden, startGroupPhase } from '$lib/server/proposals';
import { Refusal } from '$lib/server/refusal';
import type { Actions, PageServerLoad } from './$types';

/** The facilitator's overview of the small groups (every role reads; coordination and moderation act). */
export const load = (async ({ locals, params }) => {
	const { workshop, role } = await requireWorkshop(locals, params.workshop);
	const overview = await groupOverview(getApp().db, workshop, locals.lang);
	return {
		workshop: { id: workshop.id, title: workshop.title, status: workshop.status, code: workshop.code },
		canAct: role === 'coordinator' || role === 'facilitator',
		canCreateMeasure: role === 'coordinator',
		...overview,
		areas: overview.areas.map((a) => ({ ...a, proposals: a.proposals.map((p) => ({ ...p, createdAt: berlinMinute(p.createdAt).slice(11) })) }))
	};
}) satisfies PageServerLoad;

async function act(write: () => Promise<unknown>, where: string, done: string, params: { municipality: string; workshop: string }) {
	try {
		await write();
	} catch (err) {
		if (err instanceof Refusal) return fail(err.status, { error: err.code, where });
		throw err;
	}
	redirect(303, `/m/${params.municipality}/workshops/${params.workshop}/groups?done=${done}${where ? `#${where}` : ''}`);
}

const proposalForm = z.object({ proposal: z.coerce.number().int().positive().max(2 ** 31), hidden: z.enum(['1', '0']) });

export const actions = {
	start: async ({ locals, params, request }) => {
		const { workshop, userId } = await requireWorkshop(locals, params.workshop, 'coordinator', 'facilitator');
		const form = await readForm(request);
		// The button names the step, so a body without it (a stray or hostile request) starts nothing.
		if (form.get('phase') !== 'start') return fail(400, { error: 'invalid', where: '' });
		return act(() => startGroupPhase(getApp().db, workshop.id, userId, form.get('showComments') === 'on'), '', 'started', params);
	},
	end: async ({ locals, params, request }) => {
		const { workshop } = await requireWorkshop(locals, params.workshop, 'coordinator', 'facilitator');
		const form = await readForm(request);
		if (form.get('phase') !== 'end') return fail(400, { error: 'invalid', where: '' });
		return act(() => endGroupPhase(getApp().db, workshop.id), '', 'ended', params);
	},
	hide: async ({ locals, params, request }) => {
		const { workshop, userId } = await requireWorkshop(locals, params.workshop, 'coordinator', 'facilitator');
		const form = await readForm(request);
		const parsed = proposalForm.safeParse({ proposal: form.get('proposal'), hidden: form.get('hidden') });
		if (!parsed.success) return fail(422, { error: 'unknownProposalHere', where: '' });
		const { proposal, hidden } = parsed.data;
		return act(() => setProposalHidden(getApp().db, workshop.id, proposal, userId, hidden === '1'), `proposal-${proposal}`, hidden === '1' ? 'hidden' : 'shown', params);
	},
	summary: async ({ locals, params, request }) => {
		const { workshop, userId } = await requireWorkshop(locals, params.workshop, 'coordinator', 'facilitator');
		const form = await readForm(request);
		const text = form.get('text');
		// No text field at all is not a request to clear the summary.
		if (typeof text !== 'string') return fail(400, { error: 'required', where: '' });
		const parsed = summarySchema.safeParse({ area: Number(form.get('area')), text: typeof text === 'string' ? text.slice(0, 10_000) : '' });
		if (!parsed.success) {
			const code = parsed.error.issues[0]?.message ?? 'invalid';
			return fail(400, { error: /^[a-zA-Z]+$/.test(code) ? code : 'invalid', where: `area-${Number(form.get('area')) || 0}` });
		}
		return act(() => saveSummary(getApp().db, workshop, parsed.data.area, parsed.data.text, userId), `area-${parsed.data.area}`, 'summary', params);
	}
} satisfies Actions;
