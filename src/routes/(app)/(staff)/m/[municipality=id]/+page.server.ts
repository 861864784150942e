import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import * as assessments from '$lib/server/db/assessments';
import * as catalogues from '$lib/server/db/catalogues';
import { parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { listMyAreas } from '$lib/server/questionnaire/questionnaire';
import { assessmentCreateSchema } from '$lib/schemas/forms';
import { presetNotApplicable } from '$lib/server/questionnaire/profiles';
import { PROFILES } from '$lib/domain/profiles';
import { t } from '$lib/i18n/staff';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const { municipalityId, role, userId } = requireRole(locals);
	const { db } = getApp();
	return {
		myAreas: role === 'facilitator' ? [] : await listMyAreas(db, municipalityId, userId),
		assessments: await assessments.listAssessments(db, municipalityId),
		catalogues: role === 'coordinator' ? await catalogues.listCatalogues(db, municipalityId) : [],
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
		const catalogueRow = await catalogues.findCatalogue(db, municipalityId, catalogueId);
		if (!catalogueRow) {
			return fail(400, { values: { name }, errors: { catalogueId: 'catalogue' } });
		}
		if (await assessments.findAssessmentByName(db, municipalityId, name)) {
			return fail(400, { values: { name, catalogueId: String(catalogueId) }, errors: { name: 'assessmentExists' } });
		}
		const reason = profile ? t(locals.lang).profiles.reason(t(locals.lang).profiles.name(profile)) : '';
		await db.transaction().execute(async (trx) => {
			const assessment = await assessments.createAssessment(trx, { municipalityId, name, catalogueId, createdBy: userId, profile });
			const catalogue = catalogues.parseContent(catalogueRow);
			await presetNotApplicable(trx, { assessmentId: assessment.id, catalogue, profile, reason, actorId: userId });
		});
		redirect(303, `/m/${municipalityId}?created=${encodeURIComponent(name)}`);
	}
} satisfies Actions;
