import { toCsv } from '$lib/domain/csv';
import { t } from '$lib/i18n';
import { getApp } from '$lib/server/app';
import { requireAssessment } from '$lib/server/assessment-access';
import * as questionnaire from '$lib/server/db/questionnaire';
import * as users from '$lib/server/db/users';
import { catalogueOf } from '$lib/server/questionnaire';
import type { RequestHandler } from './$types';

/** All answers as CSV for German Excel: one row per question, three columns per rater. */
export const GET = (async ({ locals, params }) => {
	const { assessment } = await requireAssessment(locals, params.assessment, 'coordinator');
	const { db } = getApp();
	const lang = locals.lang;
	const m = t(lang).csv;
	const catalogue = await catalogueOf(db, assessment);
	const [answers, agreed, staff] = await Promise.all([
		questionnaire.listAnswers(db, assessment.id),
		questionnaire.listAgreed(db, assessment.id),
		users.listStaff(db, assessment.municipality_id)
	]);
	const raterIds = new Set(answers.map((a) => a.user_id));
	const raters = staff.filter((s) => raterIds.has(s.id));
	const label = (value: string | null | undefined) =>
		value == null ? '' : (catalogue.scale.find((s) => s.value === value)?.label[lang] ?? value);
	const answerOf = new Map(answers.map((a) => [`${a.question_id}|${a.user_id}`, a]));
	const agreedOf = new Map(agreed.map((a) => [a.question_id, a]));

	const header = [
		m.questionId,
		m.area,
		m.topic,
		m.question,
		...raters.flatMap((r) => [m.raterAnswer(r.name), m.raterComment(r.name), m.raterEvidence(r.name)]),
		m.agreed,
		m.reason
	];
	const rows = catalogue.areas.flatMap((area) =>
		area.questions.map((q) => {
			const a = agreedOf.get(q.id);
			return [
				q.id,
				`${area.number}. ${area.name[lang]}`,
				area.topics.find((topic) => topic.id === q.topic)?.name[lang] ?? '',
				q.text[lang],
				...raters.flatMap((r) => {
					const answer = answerOf.get(`${q.id}|${r.id}`);
					return [label(answer?.value), answer?.comment ?? '', answer?.evidence ?? ''];
				}),
				label(a?.value),
				a?.reason ?? ''
			];
		})
	);
	const fileName = `${assessment.name}`.replace(/[^A-Za-z0-9ÄÖÜäöüß._ -]/g, '_').trim() || 'selbstcheck';
	return new Response(toCsv([header, ...rows]), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="antworten.csv"; filename*=UTF-8''${encodeURIComponent(`${fileName} – ${m.fileSuffix}.csv`)}`
		}
	});
}) satisfies RequestHandler;
