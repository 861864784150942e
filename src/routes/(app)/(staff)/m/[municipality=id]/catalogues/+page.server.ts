import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { storedPreviousProblems } from '$lib/server/catalogues/editions';
import { listCatalogues, listDrafts, storeCatalogue } from '$lib/server/catalogues/catalogues';
import { startDraft } from '$lib/server/catalogues/drafts';
import { parseForm, readForm, tryReadForm } from '$lib/server/http/forms';
import { MAX_CATALOGUE_BYTES } from '$lib/server/limits/upload-limits';
import { requireRole } from '$lib/server/http/guards';
import { validateCatalogueText } from '$lib/schemas/catalogue';
import { draftStartSchema } from '$lib/schemas/catalogue-draft';
import { describeProblems } from '$lib/domain/catalogue-problems';
import { catalogueProblemTexts } from '$lib/i18n/staff/catalogue-problems';
import type { Actions, PageServerLoad } from './$types';

/** Larger than any plausible catalogue (the default is ~120 KB), small enough to parse at once. */
const MAX_FILE_BYTES = MAX_CATALOGUE_BYTES;

export const load = (async ({ locals, url }) => {
	const { municipalityId } = requireRole(locals, 'coordinator');
	const { db } = getApp();
	const list = await listCatalogues(db, municipalityId);
	const published = list.find((c) => String(c.id) === url.searchParams.get('published'));
	return {
		catalogues: list,
		drafts: await listDrafts(db, municipalityId),
		published: published && { title: published.title, version: published.version, questions: published.questionCount },
		discarded: url.searchParams.has('discarded')
	};
}) satisfies PageServerLoad;

export const actions = {
	/** "Neue Version bearbeiten": a draft copied from a stored version, with a new version proposed. */
	draft: async ({ locals, request }) => {
		const { municipalityId, userId } = requireRole(locals, 'coordinator');
		const parsed = parseForm(draftStartSchema, await readForm(request));
		if (!parsed.ok) return fail(400, { error: 'catalogue' as const, problems: [] });
		const id = await startDraft(getApp().db, municipalityId, parsed.data.catalogueId, userId);
		if (id === undefined) return fail(400, { error: 'catalogue' as const, problems: [] });
		redirect(303, `/m/${municipalityId}/catalogues/drafts/${id}`);
	},
	import: async ({ locals, request }) => {
		const { municipalityId, userId } = requireRole(locals, 'coordinator');
		const form = await tryReadForm(request);
		// Anything over the app's limit gets the app's message, also when the server's
		// BODY_SIZE_LIMIT (set above MAX_FILE_BYTES, see README) stopped reading the body.
		if (!(form instanceof FormData)) {
			if (form.status === 413) return fail(413, { error: 'fileTooLarge' as const, problems: [] });
			return fail(400, { error: 'badForm' as const, problems: [] });
		}
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { error: 'fileRequired' as const, problems: [] });
		if (file.size > MAX_FILE_BYTES) return fail(413, { error: 'fileTooLarge' as const, problems: [] });

		const validation = validateCatalogueText(await file.text());
		if (!validation.ok) {
			const problems = describeProblems(validation.problems, validation.json, catalogueProblemTexts(locals.lang));
			return fail(422, { error: 'catalogueInvalid' as const, fileName: file.name, problems });
		}
		const { catalogue } = validation;
		const stale = await storedPreviousProblems(getApp().db, municipalityId, catalogue);
		if (stale.length > 0) {
			const problems = describeProblems(stale, catalogue, catalogueProblemTexts(locals.lang));
			return fail(422, { error: 'catalogueInvalid' as const, fileName: file.name, problems });
		}
		const result = await storeCatalogue(getApp().db, catalogue, municipalityId, userId);
		if (result.status === 'conflict') {
			return fail(409, { error: 'catalogueVersionExists' as const, problems: [], version: catalogue.version });
		}
		return {
			imported: {
				status: result.status,
				title: catalogue.title,
				version: catalogue.version,
				questions: catalogue.areas.reduce((n, a) => n + a.questions.length, 0),
				// Missing translations: the catalogue is stored, the coordinator learns where participants see German.
				warnings: describeProblems(validation.warnings, catalogue, catalogueProblemTexts(locals.lang))
			}
		};
	}
} satisfies Actions;
