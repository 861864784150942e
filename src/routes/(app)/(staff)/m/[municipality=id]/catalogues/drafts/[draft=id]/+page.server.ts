import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { discardDraft, openDraft, publishDraft, saveDraft } from '$lib/server/catalogues/drafts';
import { addQuestionFrom, editArea, editGeneral, editQuestion, editTopics, type DraftEdit } from '$lib/server/catalogues/draft-edits';
import { drainBody, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { countQuestions, validateCatalogue, type Catalogue } from '$lib/schemas/catalogue';
import { describeProblems } from '$lib/domain/catalogue-problems';
import { catalogueProblemTexts } from '$lib/i18n/staff/catalogue-problems';
import { languagesOf, nextQuestionId } from '$lib/domain/catalogue-edit';
import { PROFILES } from '$lib/domain/profiles';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The sections of the editor: general (title, version, levels), the 7 areas, and publishing. */
function sectionOf(url: URL): 'general' | 'publish' | number {
	const value = url.searchParams.get('section');
	if (value === 'publish') return 'publish';
	const n = Number(value);
	return Number.isInteger(n) && n >= 1 && n <= 7 ? n : 'general';
}

/** The draft of the route, for a coordinator of its municipality; 404 for anyone else's. */
async function draftOf(event: Pick<RequestEvent, 'locals' | 'params'>) {
	const { municipalityId, userId } = requireRole(event.locals, 'coordinator');
	const draft = await openDraft(getApp().db, municipalityId, Number(event.params.draft));
	if (!draft) error(404, 'notFound');
	return { draft, userId };
}

/** Applies one of the editor's forms to the draft and saves it; back to the section on success. */
async function edit(event: Pick<RequestEvent, 'locals' | 'params' | 'request' | 'url'>, apply: (content: Catalogue, form: FormData) => DraftEdit) {
	const { draft, userId } = await draftOf(event);
	const outcome = apply(draft.content, await readForm(event.request));
	if (!outcome.ok) return fail(outcome.status, { error: outcome.error });
	await saveDraft(getApp().db, draft, outcome.content, userId);
	const section = encodeURIComponent(event.url.searchParams.get('section') ?? 'general');
	redirect(303, `${event.url.pathname}?section=${section}&saved=1${outcome.anchor}`);
}

export const load = (async ({ locals, params, url }) => {
	const { draft } = await draftOf({ locals, params });
	const content = draft.content;
	const validation = validateCatalogue(content);
	const problems = validation.ok ? [] : describeProblems(validation.problems, validation.json, catalogueProblemTexts(locals.lang));
	const section = sectionOf(url);
	return {
		draftId: Number(params.draft),
		catalogue: content,
		languages: languagesOf(content),
		section,
		problems,
		nextId: typeof section === 'number' ? nextQuestionId(content, section - 1) : '',
		profiles: PROFILES,
		saved: url.searchParams.has('saved'),
		/** The question to show unfolded: the one just saved or moved. */
		open: Number(url.searchParams.get('open') ?? -1)
	};
}) satisfies PageServerLoad;

export const actions = {
	general: (event) => edit(event, editGeneral),
	area: (event) => edit(event, editArea),
	topics: (event) => edit(event, editTopics),
	question: (event) => edit(event, editQuestion),
	addQuestion: (event) => edit(event, addQuestionFrom),

	publish: async ({ locals, params, request }) => {
		await drainBody(request);
		const { draft, userId } = await draftOf({ locals, params });
		const outcome = await publishDraft(getApp().db, draft, userId);
		if (!outcome.ok && outcome.status === 'invalid') {
			return fail(422, { error: 'publishRefused' as const, problems: describeProblems(outcome.problems, outcome.json, catalogueProblemTexts(locals.lang)) });
		}
		if (!outcome.ok) return fail(409, { error: 'versionExists' as const, version: outcome.version });
		redirect(303, `/m/${draft.municipalityId}/catalogues?published=${outcome.id}&questions=${countQuestions(outcome.catalogue)}`);
	},

	discard: async ({ locals, params, request }) => {
		const { draft } = await draftOf({ locals, params });
		const form = await readForm(request);
		if (form.get('confirm') !== 'yes') return fail(400, { error: 'discardConfirm' as const });
		await discardDraft(getApp().db, draft);
		redirect(303, `/m/${draft.municipalityId}/catalogues?discarded=1`);
	}
} satisfies Actions;
