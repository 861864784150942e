import { exportMessages } from '$lib/i18n/staff/exports';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import {
	XLSX_TYPE,
	answerData,
	answerRows,
	areaRows,
	attachment,
	exportReport,
	ratingRows,
	reportRatings,
	workbook
} from '$lib/server/results/exports';
import { measureRows } from '$lib/server/measures/exports';
import { measurePlan } from '$lib/server/measures/plan';
import type { RequestHandler } from './$types';

/**
 * The results as one Excel workbook: areas (both views and the gap), answers, and the workshop's
 * anonymous ratings; `?workshop=ID` picks the workshop (default: the latest). Facilitators get the
 * agreed answers only: who answered what stays with the coordination, as on the agreement page.
 */
export const GET = (async ({ locals, params, url }) => {
	const { assessment, role } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator', 'facilitator');
	const { db } = getApp();
	const lang = locals.lang;
	const report = await exportReport(db, assessment, url.searchParams.get('workshop'));
	const book = workbook(
		{
			areas: areaRows(report, lang),
			answers: answerRows(await answerData(db, assessment), lang, { perRater: role === 'coordinator' }),
			ratings: ratingRows(await reportRatings(db, report), report, lang),
			measures: measureRows(await measurePlan(db, assessment), lang)
		},
		lang
	);
	const body = new Uint8Array(await book.xlsx.writeBuffer());
	return new Response(body, {
		headers: {
			'content-type': XLSX_TYPE,
			'content-disposition': attachment('ergebnisse.xlsx', assessment.name, exportMessages(lang).files.results, 'xlsx')
		}
	});
}) satisfies RequestHandler;
