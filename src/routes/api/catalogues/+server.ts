import { json } from '@sveltejs/kit';
import { apiError } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { storedPreviousProblems } from '$lib/server/catalogues/editions';
import { coordinatedMunicipality } from '$lib/server/catalogues/api';
import { listCatalogues, storeCatalogue } from '$lib/server/catalogues/catalogues';
import { membershipsOf } from '$lib/server/accounts/memberships';
import { MAX_CATALOGUE_BYTES } from '$lib/server/limits/upload-limits';
import { countQuestions, validateCatalogueText } from '$lib/schemas/catalogue';
import { describeProblems } from '$lib/domain/catalogue-problems';
import { catalogueProblemTexts } from '$lib/i18n/staff/catalogue-problems';
import type { RequestHandler } from './$types';

/**
 * The catalogues the caller may use: shipped ones and their municipalities' own versions. With
 * `?municipality=ID` only that municipality's choice (404 without access to it).
 */
export const GET = (async ({ locals, url }) => {
	if (!locals.user) return apiError(401, 'login');
	const { db } = getApp();
	const memberships = await membershipsOf(db, locals.user.id);
	const named = url.searchParams.get('municipality');
	const chosen = named === null ? memberships : memberships.filter((m) => String(m.municipalityId) === named);
	if (named !== null && chosen.length === 0) return apiError(404, 'notFound');
	const seen = new Map<number, Record<string, unknown>>();
	for (const membership of chosen) {
		for (const c of await listCatalogues(db, membership.municipalityId)) {
			if (seen.has(c.id)) continue;
			seen.set(c.id, {
				id: c.id,
				catalogueId: c.key,
				version: c.version,
				title: c.title,
				questions: c.questionCount,
				municipality: c.shipped ? null : membership.municipalityId,
				importedAt: c.importedAt
			});
		}
	}
	return json([...seen.values()]);
}) satisfies RequestHandler;

/**
 * Stores a catalogue file (the request body, JSON) as a new version of the municipality's
 * catalogues: 201 with its id; 200 when exactly this version is already stored; 409 when the
 * version exists with other content; 422 with every problem, named as on the upload page, and
 * nothing stored.
 */
export const POST = (async ({ locals, request, url }) => {
	const municipalityId = await coordinatedMunicipality(getApp().db, locals, url);
	if (typeof municipalityId !== 'number') return municipalityId;
	let text: string;
	try {
		text = await request.text();
	} catch (err) {
		const cause = (err as { status?: unknown; cause?: { status?: unknown } } | null);
		if (cause?.status === 413 || cause?.cause?.status === 413) return apiError(413, 'tooLarge');
		return apiError(400, 'invalidJson');
	}
	if (new TextEncoder().encode(text).length > MAX_CATALOGUE_BYTES) return apiError(413, 'fileTooLarge');

	const validation = validateCatalogueText(text);
	if (!validation.ok) {
		const problems = describeProblems(validation.problems, validation.json, catalogueProblemTexts(locals.lang));
		return apiError(422, 'invalidCatalogue', { problems });
	}
	const { catalogue } = validation;
	const stale = await storedPreviousProblems(getApp().db, municipalityId, catalogue);
	if (stale.length > 0) {
		return apiError(422, 'invalidCatalogue', { problems: describeProblems(stale, catalogue, catalogueProblemTexts(locals.lang)) });
	}
	const result = await storeCatalogue(getApp().db, catalogue, municipalityId, locals.user!.id);
	if (result.status === 'conflict') return apiError(409, 'catalogueVersionExists', { id: result.id });
	return json(
		{ id: result.id, catalogueId: catalogue.id, version: catalogue.version, questions: countQuestions(catalogue) },
		{ status: result.status === 'stored' ? 201 : 200 }
	);
}) satisfies RequestHandler;
