import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { gapReport } from '$lib/server/results/gap-report';
import { Refusal } from '$lib/server/http/refusal';
import { measurePlan } from '$lib/server/measures/plan';
import { progressOf } from '$lib/server/rounds/progress';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const { assessment, municipalityName } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator', 'facilitator');
	let report;
	try {
		report = await gapReport(getApp().db, assessment, url.searchParams.get('workshop'));
	} catch (err) {
		if (err instanceof Refusal) error(err.status, err.code);
		throw err;
	}
	const { catalogue, ...rest } = report;
	// The chapter "Maßnahmen" appears when the plan has any.
	const measures = (await measurePlan(getApp().db, assessment)).measures;
	// The chapter "Entwicklung" appears when this round follows an earlier one.
	const rounds = assessment.previous_assessment_id === null ? [] : await progressOf(getApp().db, assessment);
	return {
		...rest,
		municipalityName,
		assessmentName: assessment.name,
		assessmentStatus: assessment.status,
		measures,
		rounds: rounds.length > 1 ? rounds : [],
		areaNames: catalogue.areas.map((a) => ({ number: a.number, name: a.name })),
		levels: catalogue.levels.map((l) => ({ level: l.level, name: l.name, minScore: l.minScore }))
	};
}) satisfies PageServerLoad;
