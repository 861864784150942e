import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { summarySchema } from '$lib/schemas/measures';
import { getApp } from '$lib/server/platform/app';
import { requireWorkshop } from '$lib/server/http/assessment-access';
import { berlinMinute } from '$lib/server/results/exports';
import { readForm } from '$lib/server/http/forms';
import { tableProblems } from '$lib/domain/group-tables';
import { parseTableRows, tableRowsOf } from '$lib/schemas/group-tables';
import { saveSeating, seatingOf } from '$lib/server/groups/tables';
import { endGroupPhase, groupOverview, saveSummary, setProposalHidden, startGroupPhase } from '$lib/server/groups/proposals';
import { Refusal } from '$lib/server/http/refusal';
import type { Actions, PageServerLoad } from './$types';

/** The facilitator's overview of the small groups (every role reads; coordination and moderation act). */
export const load = (async ({ locals, params }) => {
	const { workshop, role } = await requireWorkshop(getApp().db, locals, params.workshop);
	const overview = await groupOverview(getApp().db, workshop, locals.lang);
	return {
		seating: await seatingOf(getApp().db, workshop.id),
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
		const { workshop, userId } = await requireWorkshop(getApp().db, locals, params.workshop, 'coordinator', 'facilitator');
		const form = await readForm(request);
		// The button names the step, so a body without it (a stray or hostile request) starts nothing.
		if (form.get('phase') !== 'start') return fail(400, { error: 'invalid', where: '' });
		return act(() => startGroupPhase(getApp().db, workshop.id, userId, form.get('showComments') === 'on'), '', 'started', params);
	},
	end: async ({ locals, params, request }) => {
		const { workshop } = await requireWorkshop(getApp().db, locals, params.workshop, 'coordinator', 'facilitator');
		const form = await readForm(request);
		if (form.get('phase') !== 'end') return fail(400, { error: 'invalid', where: '' });
		return act(() => endGroupPhase(getApp().db, workshop.id), '', 'ended', params);
	},
	hide: async ({ locals, params, request }) => {
		const { workshop, userId } = await requireWorkshop(getApp().db, locals, params.workshop, 'coordinator', 'facilitator');
		const form = await readForm(request);
		const parsed = proposalForm.safeParse({ proposal: form.get('proposal'), hidden: form.get('hidden') });
		if (!parsed.success) return fail(422, { error: 'unknownProposalHere', where: '' });
		const { proposal, hidden } = parsed.data;
		return act(() => setProposalHidden(getApp().db, workshop.id, proposal, userId, hidden === '1'), `proposal-${proposal}`, hidden === '1' ? 'hidden' : 'shown', params);
	},
	/** The named tables and whether participants choose one: saved together, all or nothing. */
	tables: async ({ locals, params, request }) => {
		const { workshop } = await requireWorkshop(getApp().db, locals, params.workshop, 'coordinator', 'facilitator');
		const form = await readForm(request);
		const mode = form.get('mode');
		if (mode !== 'areas' && mode !== 'tables') return fail(400, { error: 'invalid', where: 'tables' });
		const rows = tableRowsOf(form);
		const { tables, rowOf, errors } = parseTableRows(rows);
		const problems = tableProblems(tables, JSON.parse(workshop.areas) as number[]);
		for (const [i, code] of Object.entries(problems?.rows ?? {})) errors[rowOf[Number(i)]!] = code;
		const tablesForm = { rows, mode, errors };
		if (Object.keys(errors).length > 0) return fail(422, { error: 'tablesNotSaved', where: 'tables', tablesForm });
		if (problems?.list) return fail(422, { error: problems.list, where: 'tables', tablesForm });
		try {
			await saveSeating(getApp().db, workshop, { tables, on: mode === 'tables' });
		} catch (err) {
			if (err instanceof Refusal) return fail(err.status, { error: err.code, where: 'tables', tablesForm });
			throw err;
		}
		redirect(303, `/m/${params.municipality}/workshops/${params.workshop}/groups?done=tables#tables`);
	},
	summary: async ({ locals, params, request }) => {
		const { workshop, userId } = await requireWorkshop(getApp().db, locals, params.workshop, 'coordinator', 'facilitator');
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
