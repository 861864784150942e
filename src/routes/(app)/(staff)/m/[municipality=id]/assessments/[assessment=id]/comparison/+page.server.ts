import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { comparisonFor, type ComparisonView } from '$lib/server/results/comparison';
import { Refusal } from '$lib/server/http/refusal';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const { assessment } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator', 'editor');
	let view: ComparisonView | null = null;
	let refusal: 'comparisonNotOptedIn' | 'comparisonNoKind' | null = null;
	try {
		view = await comparisonFor(getApp().db, assessment);
	} catch (err) {
		if (!(err instanceof Refusal)) throw err;
		refusal = err.code === 'comparisonNoKind' ? 'comparisonNoKind' : 'comparisonNotOptedIn';
	}
	return { view, refusal };
}) satisfies PageServerLoad;
