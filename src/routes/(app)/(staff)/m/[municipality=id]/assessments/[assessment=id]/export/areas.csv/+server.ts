import { exportMessages } from '$lib/i18n/staff/exports';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { areaRows, attachment, csvText, exportReport } from '$lib/server/results/exports';
import type { RequestHandler } from './$types';

/** The areas sheet of the results workbook as CSV for German Excel; `?workshop=ID` as there. */
export const GET = (async ({ locals, params, url }) => {
	const { assessment } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator', 'facilitator');
	const lang = locals.lang;
	const report = await exportReport(getApp().db, assessment, url.searchParams.get('workshop'));
	return new Response(csvText(areaRows(report, lang), lang), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attachment('handlungsfelder.csv', assessment.name, exportMessages(lang).files.areas, 'csv')
		}
	});
}) satisfies RequestHandler;
