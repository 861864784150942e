import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import * as catalogues from '$lib/server/db/catalogues';
import { tryReadForm } from '$lib/server/forms';
import { MAX_CATALOGUE_BYTES } from '$lib/server/upload-limits';
import { requireRole } from '$lib/server/guards';
import { validateCatalogueText } from '$lib/schemas/catalogue';
import { describeProblems } from '$lib/domain/catalogue-problems';
import { catalogueProblemTexts } from '$lib/i18n/catalogue-problems';
import type { Actions, PageServerLoad } from './$types';

/** Larger than any plausible catalogue (the default is ~120 KB), small enough to parse at once. */
const MAX_FILE_BYTES = MAX_CATALOGUE_BYTES;

export const load = (async ({ locals }) => {
	const { municipalityId } = requireRole(locals, 'coordinator');
	return { catalogues: await catalogues.listCatalogues(getApp().db, municipalityId) };
}) satisfies PageServerLoad;

export const actions = {
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
		const result = await catalogues.storeCatalogue(getApp().db, catalogue, municipalityId, userId);
		if (result.status === 'conflict') {
			return fail(409, { error: 'catalogueVersionExists' as const, problems: [], version: catalogue.version });
		}
		return {
			imported: {
				status: result.status,
				title: catalogue.title,
				version: catalogue.version,
				questions: catalogue.areas.reduce((n, a) => n + a.questions.length, 0)
			}
		};
	}
} satisfies Actions;
