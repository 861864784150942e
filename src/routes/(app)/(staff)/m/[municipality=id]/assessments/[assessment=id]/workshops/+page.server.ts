import { fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/forms';
import { DEFAULT_STAKEHOLDER_GROUPS, workshopCreateSchema } from '$lib/schemas/forms';
import { countsByDefault } from '$lib/server/results/stakeholder-results';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { today } from '$lib/server/platform/clock';
import { createWorkshop, listWorkshops, setWorkshopFlags } from '$lib/server/workshops/workshops';
import { Refusal } from '$lib/server/http/refusal';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const { assessment } = await requireAssessment(getApp().db, locals, params.assessment);
	const { db } = getApp();
	const workshops = await listWorkshops(db, assessment.id);
	const defaultId = workshops.find(countsByDefault)?.id ?? null;
	return {
		workshops: workshops.map((w) => ({
			id: w.id,
			title: w.title,
			heldOn: w.held_on,
			code: w.code,
			status: w.status,
			rehearsal: w.rehearsal === 1,
			archived: w.archived_at !== null,
			isDefault: w.id === defaultId,
			joined: w.joined,
			ratings: w.ratings,
			perArea: w.perArea
		})),
		defaults: { heldOn: today(), groups: DEFAULT_STAKEHOLDER_GROUPS.join('\n'), k: 5 }
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ locals, params, request }) => {
		const { assessment, userId, municipalityId } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator', 'facilitator');
		const form = await readForm(request);
		const values = {
			title: String(form.get('title') ?? ''),
			heldOn: String(form.get('heldOn') ?? ''),
			groups: String(form.get('groups') ?? ''),
			k: String(form.get('k') ?? ''),
			areas: form.getAll('areas').map(String),
			rehearsal: form.get('rehearsal') === 'on',
			languages: form.getAll('languages').map(String)
		};
		const parsed = workshopCreateSchema.safeParse({
			title: values.title,
			heldOn: values.heldOn || undefined,
			areas: values.areas,
			groups: [...new Set(values.groups.split('\n').map((g) => g.trim()).filter(Boolean))],
			k: values.k || undefined,
			rehearsal: values.rehearsal,
			languages: values.languages
		});
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid';
			return fail(400, { values, errors });
		}
		const workshop = await createWorkshop(getApp().db, assessment, userId, {
			...parsed.data,
			heldOn: parsed.data.heldOn ?? today(),
			areas: [...new Set(parsed.data.areas)].sort()
		});
		redirect(303, `/m/${municipalityId}/workshops/${workshop.id}`);
	},

	/** Marks a workshop as rehearsal or not, archives it or brings it back. */
	flags: async ({ locals, params, request }) => {
		const { assessment } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator', 'facilitator');
		const form = await readForm(request);
		const workshopId = Number(form.get('workshop'));
		const flag = String(form.get('flag') ?? '');
		const flags =
			flag === 'rehearsal' ? { rehearsal: true } : flag === 'real' ? { rehearsal: false } : flag === 'archive' ? { archived: true } : flag === 'restore' ? { archived: false } : null;
		if (!flags || !Number.isInteger(workshopId)) return fail(400, { flagError: 'invalid', workshop: workshopId });
		try {
			await setWorkshopFlags(getApp().db, assessment.id, workshopId, flags);
		} catch (err) {
			if (err instanceof Refusal) return fail(err.status, { flagError: err.code, workshop: workshopId });
			throw err;
		}
		return { flagged: flag, workshop: workshopId };
	}
} satisfies Actions;
