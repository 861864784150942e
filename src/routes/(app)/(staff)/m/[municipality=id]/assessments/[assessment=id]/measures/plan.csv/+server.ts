import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { attachment, csvText } from '$lib/server/results/exports';
import { measureRows } from '$lib/server/measures/exports';
import { measurePlan } from '$lib/server/measures/plan';
import { t } from '$lib/i18n/staff';
import type { RequestHandler } from './$types';

/** The Maßnahmenplan as CSV for German Excel, one row per measure. */
export const GET = (async ({ locals, params }) => {
	const { assessment } = await requireAssessment(getApp().db, locals, params.assessment);
	const lang = locals.lang;
	const rows = measureRows(await measurePlan(getApp().db, assessment), lang);
	return new Response(csvText(rows, lang), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': attachment('massnahmenplan.csv', assessment.name, t(lang).measures.fileSuffix, 'csv') }
	});
}) satisfies RequestHandler;
