import { formatScore, recommendation } from '$lib/domain/scoring';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { adminResult } from '$lib/server/results/results';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const { assessment } = await requireAssessment(getApp().db, locals, params.assessment);
	const result = await adminResult(getApp().db, assessment);
	const { catalogue } = result;
	return {
		openDisagreements: result.openDisagreements,
		levels: catalogue.levels.map((l) => ({ level: l.level, name: l.name, minScore: l.minScore })),
		areas: result.areas.map((score) => {
			const area = catalogue.areas.find((a) => a.number === score.area)!;
			return {
				...score,
				score: score.score === null ? null : formatScore(score.score),
				name: area.name,
				levelName: score.level === null ? null : catalogue.levels.find((l) => l.level === score.level)!.name,
				recommendation: score.level === null ? null : recommendation(catalogue, score.area, score.level),
				advice: result.advice.find((a) => a.area === score.area)!
			};
		})
	};
}) satisfies PageServerLoad;
