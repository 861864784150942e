import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { gapReport } from '$lib/server/results/gap-report';
import { Refusal } from '$lib/server/http/refusal';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const { assessment } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator', 'facilitator');
	let report;
	try {
		report = await gapReport(getApp().db, assessment, url.searchParams.get('workshop'));
	} catch (err) {
		if (err instanceof Refusal) error(err.status, err.code);
		throw err;
	}
	const { catalogue, ...rest } = report;
	return {
		...rest,
		levels: catalogue.levels.map((l) => ({ level: l.level, name: l.name })),
		sort: url.searchParams.get('sort') === 'official' ? ('official' as const) : ('gap' as const)
	};
}) satisfies PageServerLoad;
