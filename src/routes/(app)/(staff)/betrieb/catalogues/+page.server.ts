import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { tryReadForm } from '$lib/server/http/forms';
import { publishCatalogue, publishedCatalogues, requireOperator } from '$lib/server/operator/operator';
import { MAX_CATALOGUE_BYTES } from '$lib/server/limits/upload-limits';
import { describeProblems } from '$lib/domain/catalogue-problems';
import { catalogueProblemTexts } from '$lib/i18n/staff/catalogue-problems';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	requireOperator(locals);
	return { catalogues: await publishedCatalogues(getApp().db) };
}) satisfies PageServerLoad;

export const actions = {
	/** Publishes a catalogue file to all municipalities; checked exactly as a municipality's import. */
	publish: async ({ locals, request }) => {
		const { userId } = requireOperator(locals);
		const form = await tryReadForm(request);
		if (!(form instanceof FormData)) {
			if (form.status === 413) return fail(413, { error: 'fileTooLarge' as const, problems: [] });
			return fail(400, { error: 'badForm' as const, problems: [] });
		}
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { error: 'fileRequired' as const, problems: [] });
		if (file.size > MAX_CATALOGUE_BYTES) return fail(413, { error: 'fileTooLarge' as const, problems: [] });
		const outcome = await publishCatalogue(getApp().db, await file.text(), userId);
		if (!outcome.ok && outcome.status === 422) {
			const problems = describeProblems(outcome.problems, outcome.json, catalogueProblemTexts(locals.lang));
			return fail(422, { error: 'catalogueInvalid' as const, problems });
		}
		if (!outcome.ok) return fail(409, { error: 'catalogueVersionExists' as const, problems: [], version: outcome.version });
		return {
			published: {
				status: outcome.status,
				title: outcome.title,
				version: outcome.version,
				questions: outcome.questions,
				warnings: describeProblems(outcome.warnings, outcome.catalogue, catalogueProblemTexts(locals.lang))
			}
		};
	}
} satisfies Actions;
