import { exportMessages } from '$lib/i18n/staff/exports';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { attachment, csvText, exportReport, ratingRows, reportRatings } from '$lib/server/results/exports';
import type { RequestHandler } from './$types';

/** The workshop's anonymous ratings (the ratings sheet of the workbook) as CSV; `?workshop=ID` as there. */
export const GET = (async ({ locals, params, url }) => {
	const { assessment } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator', 'facilitator');
	const { db } = getApp();
	const lang = locals.lang;
	const report = await exportReport(db, assessment, url.searchParams.get('workshop'));
	return new Response(csvText(ratingRows(await reportRatings(db, report), report, lang), lang), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attachment('bewertungen.csv', assessment.name, exportMessages(lang).files.ratings, 'csv')
		}
	});
}) satisfies RequestHandler;
