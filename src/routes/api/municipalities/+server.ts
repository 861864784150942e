import { json } from '@sveltejs/kit';
import { apiError, jsonBody, refusalResponse } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { membershipsOf } from '$lib/server/accounts/memberships';
import { createMunicipality, operatorOverview } from '$lib/server/operator/operator';
import { municipalityCreateSchema } from '$lib/schemas/municipality';
import type { RequestHandler } from './$types';

/**
 * Operator: every municipality with its profile and the stage of its current round (figures and
 * dates, no content). Everyone else: the municipalities they work in, with their role — never
 * another municipality's stage.
 */
export const GET = (async ({ locals }) => {
	if (!locals.user) return apiError(401, 'login');
	const { db } = getApp();
	if (locals.user.operator) {
		const entries = await operatorOverview(db);
		return json(entries.map(({ rounds, round, ...entry }) => ({ ...entry, deactivated: entry.deactivatedAt !== null, rounds, round })));
	}
	const memberships = await membershipsOf(db, locals.user.id);
	return json(memberships.map((m) => ({ id: m.municipalityId, name: m.municipalityName, role: m.role })));
}) satisfies RequestHandler;

/**
 * Operator only: creates a municipality and invites its first coordinator. 201 with the id and the
 * invitation link (shown once); 422 for a bad field, 409 for a name that is taken.
 */
export const POST = (async ({ locals, request, url }) => {
	if (!locals.user) return apiError(401, 'login');
	if (!locals.user.operator) return apiError(403, 'forbidden');
	const body = await jsonBody(request, municipalityCreateSchema);
	if (body instanceof Response) return body;
	try {
		const created = await createMunicipality(getApp().db, body, locals.user.id);
		const link = new URL(`/invitation/${created.invitation.token}`, getApp().config.ORIGIN ?? url.origin).href;
		return json({ id: created.id, invitation: { url: link, expiresAt: created.invitation.expiresAt } }, { status: 201 });
	} catch (err) {
		return refusalResponse(err);
	}
}) satisfies RequestHandler;
