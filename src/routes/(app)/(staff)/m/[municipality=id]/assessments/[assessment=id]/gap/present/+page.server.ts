import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { gapReport } from '$lib/server/results/gap-report';
import { findWorkshop } from '$lib/server/workshops/workshops';
import { joinLines } from '$lib/server/workshops/join-lines';
import { joinUrl, qrSvg } from '$lib/server/workshops/qr';
import { Refusal } from '$lib/server/http/refusal';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const { assessment } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator', 'facilitator');
	const { db, config } = getApp();
	let report;
	try {
		report = await gapReport(db, assessment, url.searchParams.get('workshop'));
	} catch (err) {
		if (err instanceof Refusal) error(err.status, err.code);
		throw err;
	}
	const { catalogue, ...rest } = report;
	const link = report.workshop ? joinUrl(config.ORIGIN ?? url.origin, report.workshop.code) : null;
	const workshopRow = report.workshop ? await findWorkshop(db, report.workshop.id) : undefined;
	return {
		...rest,
		assessmentName: assessment.name,
		levels: catalogue.levels.map((l) => ({ level: l.level, name: l.name })),
		link,
		joinLines: link && workshopRow ? joinLines(workshopRow, link.replace(/^https?:\/\//, '').replace(/\/[A-Z0-9]+$/, ''), locals.lang) : [],
		qr: link ? await qrSvg(link) : null
	};
}) satisfies PageServerLoad;
