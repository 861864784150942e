import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { attachment } from '$lib/server/results/exports';
import { DOCX_TYPE, measureDocx } from '$lib/server/measures/exports';
import { measurePlan } from '$lib/server/measures/plan';
import { municipalityName } from '$lib/server/accounts/memberships';
import { t } from '$lib/i18n/staff';
import type { RequestHandler } from './$types';

/** The Maßnahmenplan as a Word document for the integration concept and the council. */
export const GET = (async ({ locals, params }) => {
	const { assessment } = await requireAssessment(getApp().db, locals, params.assessment);
	const { db } = getApp();
	const municipality = { name: await municipalityName(db, assessment.municipality_id) };
	const lang = locals.lang;
	const body = await measureDocx(await measurePlan(db, assessment), { municipality: municipality.name, assessment: assessment.name }, lang);
	return new Response(body as BodyInit, {
		headers: { 'content-type': DOCX_TYPE, 'content-disposition': attachment('massnahmenplan.docx', assessment.name, t(lang).measures.fileSuffix, 'docx') }
	});
}) satisfies RequestHandler;
