import { json } from '@sveltejs/kit';
import { apiError, jsonBody } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { membershipsOf } from '$lib/server/accounts/memberships';
import { Refusal } from '$lib/server/http/refusal';
import { listVisibleAssessments, municipalityOfRound, requirePrevious, startAssessment, startRound } from '$lib/server/rounds/rounds';
import { assessmentApiSchema } from '$lib/schemas/forms';
import { t } from '$lib/i18n/staff';
import type { RequestHandler } from './$types';

/** The assessments of every municipality the caller works in. */
export const GET = (async ({ locals }) => {
	if (!locals.user) return apiError(401, 'login');
	const rows = await listVisibleAssessments(getApp().db, locals.user.id);
	return json(rows.map((r) => ({ id: r.id, name: r.name, municipality: r.municipality })));
}) satisfies RequestHandler;

/**
 * Creates an assessment (coordinators): `{ name, catalogueId, profile?, municipalityId? }`, or with
 * `previousAssessmentId` the next round after it — same or newer catalogue edition (default: the
 * previous round's), its profile and area assignments, no answers. `201 { id, name,
 * previousAssessmentId }`; 422 `catalogueOlder` for an older or other catalogue, 404 for a previous
 * round of another municipality, 409 `assessmentExists` for a taken name.
 */
export const POST = (async ({ locals, request }) => {
	if (!locals.user) return apiError(401, 'login');
	const body = await jsonBody(request, assessmentApiSchema);
	if (body instanceof Response) return body;
	const { db } = getApp();
	const userId = locals.user.id;
	const memberships = await membershipsOf(db, userId);
	let municipalityId = body.municipalityId;
	if (municipalityId === undefined && body.previousAssessmentId !== undefined) {
		municipalityId = await municipalityOfRound(db, body.previousAssessmentId);
		if (municipalityId === undefined || !memberships.some((m) => m.municipalityId === municipalityId)) return apiError(404, 'previousNotFound');
	}
	if (municipalityId === undefined) {
		const coordinated = memberships.filter((m) => m.role === 'coordinator');
		if (coordinated.length !== 1) return apiError(coordinated.length === 0 ? 403 : 400, coordinated.length === 0 ? 'forbidden' : 'municipalityRequired');
		municipalityId = coordinated[0]!.municipalityId;
	}
	const membership = memberships.find((m) => m.municipalityId === municipalityId);
	if (!membership) return apiError(404, 'notFound');
	if (membership.role !== 'coordinator') return apiError(403, 'forbidden');
	const m = t(locals.lang);

	try {
		if (body.previousAssessmentId !== undefined) {
			const previous = await requirePrevious(db, municipalityId, body.previousAssessmentId);
			const reason = previous.profile ? m.profiles.reason(m.profiles.name(previous.profile)) : '';
			const created = await startRound(db, previous, { name: body.name, catalogueId: body.catalogueId ?? previous.catalogue_id, userId, reason });
			return json({ id: created.id, name: created.name, previousAssessmentId: previous.id }, { status: 201 });
		}
		if (body.catalogueId === undefined) return apiError(422, 'catalogue');
		const profile = body.profile || null;
		const reason = profile ? m.profiles.reason(m.profiles.name(profile)) : '';
		const created = await startAssessment(db, { municipalityId, name: body.name, catalogueId: body.catalogueId, profile, userId, reason });
		return json({ id: created.id, name: created.name, previousAssessmentId: null }, { status: 201 });
	} catch (err) {
		if (err instanceof Refusal) return apiError(err.status, err.code);
		throw err;
	}
}) satisfies RequestHandler;
