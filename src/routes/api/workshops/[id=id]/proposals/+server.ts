import { json } from '@sveltejs/kit';
import { apiWorkshop } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { staffProposals } from '$lib/server/groups/proposals';
import { berlinMinute } from '$lib/server/results/exports';
import type { RequestHandler } from './$types';

/**
 * The workshop's proposals for staff, most supported first: area, texts, support, the minute
 * written (Berlin time), whether hidden, and the measures made from it. Never a ballot.
 */
export const GET = (async ({ locals, params }) => {
	const access = await apiWorkshop(getApp().db, locals, params.id);
	if (access instanceof Response) return access;
	const proposals = await staffProposals(getApp().db, access.workshop.id);
	return json(
		proposals.map((p) => ({
			id: p.id,
			area: p.area,
			what: p.what,
			who: p.who,
			firstStep: p.firstStep,
			support: p.support,
			createdAt: berlinMinute(p.createdAt),
			hidden: p.hidden,
			measureIds: p.measureIds
		}))
	);
}) satisfies RequestHandler;
