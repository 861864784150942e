import { MEASURE_STATUSES } from '$lib/schemas/measures';
import { sortMeasures, type MeasureSort } from '$lib/domain/measures';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { measurePlan } from '$lib/server/measures/plan';
import type { PageServerLoad } from './$types';

const SORTS: MeasureSort[] = ['due', 'priority', 'status'];

/** The plan per area with filters (area, status, overdue) and a sort order from the query string. */
export const load = (async ({ locals, params, url }) => {
	const { assessment, role } = await requireAssessment(getApp().db, locals, params.assessment);
	const plan = await measurePlan(getApp().db, assessment);
	const areaParam = Number(url.searchParams.get('area'));
	const statusParam = url.searchParams.get('status') ?? '';
	const filters = {
		area: areaParam >= 1 && areaParam <= 7 ? areaParam : null,
		status: (MEASURE_STATUSES as readonly string[]).includes(statusParam) ? statusParam : null,
		overdue: url.searchParams.get('overdue') === '1',
		sort: (SORTS as string[]).includes(url.searchParams.get('sort') ?? '') ? (url.searchParams.get('sort') as MeasureSort) : 'due'
	};
	const shown = sortMeasures(
		plan.measures.filter((m) => (!filters.status || m.status === filters.status) && (!filters.overdue || m.overdue)),
		filters.sort
	);
	// Editors do not see the workshop's figures elsewhere either; they see which gap a measure names.
	const showFigures = role !== 'editor';
	return {
		filters,
		canEdit: role === 'coordinator',
		showFigures,
		coverage: plan.coverage,
		overdueCount: plan.measures.filter((m) => m.overdue).length,
		total: plan.measures.length,
		workshop: plan.workshop,
		areas: plan.areas
			.filter((a) => !filters.area || a.area === filters.area)
			.map((a) => ({
				...(showFigures ? a : { ...a, median: null, gap: null, divergence: 'none' as const, summary: a.summary }),
				measures: shown.filter((m) => m.areas.includes(a.area))
			}))
	};
}) satisfies PageServerLoad;
