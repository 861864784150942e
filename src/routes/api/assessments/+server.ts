import { json } from '@sveltejs/kit';
import { apiError, jsonBody } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import * as assessments from '$lib/server/db/assessments';
import * as catalogues from '$lib/server/db/catalogues';
import * as municipalities from '$lib/server/db/municipalities';
import { presetNotApplicable } from '$lib/server/questionnaire/profiles';
import { Refusal } from '$lib/server/http/refusal';
import { requirePrevious, startRound } from '$lib/server/rounds/rounds';
import { assessmentApiSchema } from '$lib/schemas/forms';
import { t } from '$lib/i18n/staff';
import type { RequestHandler } from './$types';

/** The assessments of every municipality the caller works in. */
export const GET = (async ({ locals }) => {
	if (!locals.user) return apiError(401, 'login');
	const rows = await assessments.listVisibleAssessments(getApp().db, locals.user.id);
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
	const memberships = await municipalities.listMembershipsOf(db, userId);
	let municipalityId = body.municipalityId;
	if (municipalityId === undefined && body.previousAssessmentId !== undefined) {
		const row = await db.selectFrom('assessment').select('municipality_id').where('id', '=', body.previousAssessmentId).executeTakeFirst();
		municipalityId = row?.municipality_id;
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
		const row = await catalogues.findCatalogue(db, municipalityId, body.catalogueId);
		if (!row) return apiError(422, 'catalogue');
		const profile = body.profile || null;
		const reason = profile ? m.profiles.reason(m.profiles.name(profile)) : '';
		const created = await db.transaction().execute(async (trx) => {
			if (await assessments.findAssessmentByName(trx, municipalityId, body.name)) throw new Refusal('assessmentExists', 409);
			const assessment = await assessments.createAssessment(trx, { municipalityId, name: body.name, catalogueId: row.id, createdBy: userId, profile });
			await presetNotApplicable(trx, { assessmentId: assessment.id, catalogue: catalogues.parseContent(row), profile, reason, actorId: userId });
			return assessment;
		});
		return json({ id: created.id, name: created.name, previousAssessmentId: null }, { status: 201 });
	} catch (err) {
		if (err instanceof Refusal) return apiError(err.status, err.code);
		throw err;
	}
}) satisfies RequestHandler;
