import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { listCatalogues } from '$lib/server/catalogues/catalogues';
import { Refusal } from '$lib/server/http/refusal';
import { listAssessments, startAssessment } from '$lib/server/rounds/rounds';
import { parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { listMyAreas } from '$lib/server/questionnaire/questionnaire';
import { assessmentCreateSchema } from '$lib/schemas/forms';
import { PROFILES } from '$lib/domain/profiles';
import { t } from '$lib/i18n/staff';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const { municipalityId, role, userId } = requireRole(locals);
	const { db } = getApp();
	return {
		myAreas: role === 'facilitator' ? [] : await listMyAreas(db, municipalityId, userId),
		assessments: await listAssessments(db, municipalityId),
		catalogues: role === 'coordinator' ? await listCatalogues(db, municipalityId) : [],
		profiles: PROFILES
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ locals, request }) => {
		const { municipalityId, userId } = requireRole(locals, 'coordinator');
		const { db } = getApp();
		const parsed = parseForm(assessmentCreateSchema, await readForm(request));
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const { name, catalogueId } = parsed.data;
		const profile = parsed.data.profile || null;
		const reason = profile ? t(locals.lang).profiles.reason(t(locals.lang).profiles.name(profile)) : '';
		try {
			await startAssessment(db, { municipalityId, name, catalogueId, profile, userId, reason });
		} catch (err) {
			if (!(err instanceof Refusal)) throw err;
			if (err.code === 'catalogue') return fail(400, { values: { name }, errors: { catalogueId: 'catalogue' } });
			return fail(400, { values: { name, catalogueId: String(catalogueId) }, errors: { name: err.code } });
		}
		redirect(303, `/m/${municipalityId}?created=${encodeURIComponent(name)}`);
	}
} satisfies Actions;
