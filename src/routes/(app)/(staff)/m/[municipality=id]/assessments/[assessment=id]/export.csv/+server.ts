import { t } from '$lib/i18n/staff';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { ANSWER_ID_COLUMNS, answerData, answerRows, attachment, csvText } from '$lib/server/results/exports';
import type { RequestHandler } from './$types';

/** All answers as CSV for German Excel: one row per question, three columns per rater. */
export const GET = (async ({ locals, params }) => {
	const { assessment } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator');
	const lang = locals.lang;
	const rows = answerRows(await answerData(getApp().db, assessment), lang);
	return new Response(csvText(rows, lang, ANSWER_ID_COLUMNS), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attachment('antworten.csv', assessment.name, t(lang).csv.fileSuffix, 'csv')
		}
	});
}) satisfies RequestHandler;
