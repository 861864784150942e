import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { parseForm, readForm } from '$lib/server/http/forms';
import { listInvitationsFor } from '$lib/server/accounts/invitations';
import { membershipsOf } from '$lib/server/accounts/memberships';
import { findMunicipality, operatorOverview, requireOperator, setMunicipalityActive } from '$lib/server/operator/operator';
import { applyOverviewQuery, stageCounts } from '$lib/domain/operator-overview';
import { municipalityTargetSchema, overviewQuerySchema } from '$lib/schemas/municipality';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	requireOperator(locals);
	const { db } = getApp();
	const query = overviewQuerySchema.parse(Object.fromEntries(url.searchParams));
	const all = await operatorOverview(db);
	const shown = applyOverviewQuery(all, query);
	// Where a coordinator invited the operator, they work like any member; those are reached through /m.
	const own = {
		memberships: (await membershipsOf(db, locals.user!.id)).length,
		invitations: (await listInvitationsFor(db, locals.user!.email)).length
	};
	return { query, entries: shown, total: all.length, counts: stageCounts(all), own };
}) satisfies PageServerLoad;

/** Deactivates or reactivates the municipality named by the form. */
async function setActive(locals: App.Locals, request: Request, active: boolean) {
	requireOperator(locals);
	const parsed = parseForm(municipalityTargetSchema, await readForm(request));
	const { db } = getApp();
	const municipality = parsed.ok ? await findMunicipality(db, parsed.data.municipalityId) : undefined;
	if (!municipality) return fail(404, { error: 'notFound' as const });
	await setMunicipalityActive(db, municipality.id, active);
	return { changed: { name: municipality.name, active } };
}

export const actions = {
	deactivate: ({ locals, request }) => setActive(locals, request, false),
	reactivate: ({ locals, request }) => setActive(locals, request, true)
} satisfies Actions;
