import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getApp } from '$lib/server/platform/app';
import { storedPreviousProblems } from '$lib/server/catalogues/editions';
import * as catalogues from '$lib/server/db/catalogues';
import * as drafts from '$lib/server/db/catalogue-drafts';
import { drainBody, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { countQuestions, validateCatalogue, type Catalogue, type CatalogueArea, type CatalogueQuestion } from '$lib/schemas/catalogue';
import { describeProblems } from '$lib/domain/catalogue-problems';
import { catalogueProblemTexts } from '$lib/i18n/staff/catalogue-problems';
import {
	addQuestion,
	languagesOf,
	moveQuestion,
	nextQuestionId,
	optionalTexts,
	removeQuestion,
	replaceQuestion,
	setTexts,
	withProfiles,
	type Texts
} from '$lib/domain/catalogue-edit';
import { PROFILES } from '$lib/domain/profiles';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const TEXT_MAX = 10_000;
const text = z.string().max(TEXT_MAX);
const shortText = z.string().trim().max(100);
const areaIndex = z.coerce.number().int().min(0).max(6);
const questionIndex = z.coerce.number().int().min(0).max(499);

const generalSchema = z.object({ version: shortText });
const questionSchema = z.object({
	area: areaIndex,
	index: questionIndex,
	/** The question's id when the form was shown: a form older than a reorder is refused. */
	original: shortText,
	do: z.enum(['save', 'up', 'down', 'remove']),
	id: shortText.optional(),
	topic: shortText.optional()
});
const addQuestionSchema = z.object({ area: areaIndex, id: shortText, topic: shortText.optional() });
const topicsSchema = z.object({ area: areaIndex, remove: z.coerce.number().int().min(0).max(49).optional(), newId: shortText.optional() });

/** The sections of the editor: general (title, version, levels), the 7 areas, and publishing. */
function sectionOf(url: URL): 'general' | 'publish' | number {
	const value = url.searchParams.get('section');
	if (value === 'publish') return 'publish';
	const n = Number(value);
	return Number.isInteger(n) && n >= 1 && n <= 7 ? n : 'general';
}

async function openDraft(event: Pick<RequestEvent, 'locals' | 'params'>) {
	const { municipalityId, userId } = requireRole(event.locals, 'coordinator');
	const id = Number(event.params.draft);
	const row = await drafts.findDraft(getApp().db, municipalityId, id);
	if (!row) error(404, 'notFound');
	return { municipalityId, userId, id, content: drafts.parseDraft(row.content) };
}

/** The per-language texts `${prefix}.${lang}` the form sent; null when one is too long. */
function textsFrom(form: FormData, prefix: string, languages: readonly string[]): Texts | null {
	const texts: Texts = {};
	for (const lang of languages) {
		const value = form.get(`${prefix}.${lang}`);
		if (value === null) continue;
		const parsed = text.safeParse(value);
		if (!parsed.success) return null;
		texts[lang] = parsed.data;
	}
	return texts;
}

function fieldsOf(form: FormData): Record<string, string> {
	const raw: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string' && !key.includes('.')) raw[key] = value;
	return raw;
}

const tooLong = () => fail(400, { error: 'tooLong' as const });
const back = (url: URL, anchor = '') =>
	redirect(303, `${url.pathname}?section=${encodeURIComponent(url.searchParams.get('section') ?? 'general')}&saved=1${anchor}`);

export const load = (async ({ locals, params, url }) => {
	const { content } = await openDraft({ locals, params });
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
	general: async ({ locals, params, request, url }) => {
		const draft = await openDraft({ locals, params });
		const form = await readForm(request);
		const parsed = generalSchema.safeParse(fieldsOf(form));
		if (!parsed.success) return fail(400, { error: 'invalid' as const });
		const languages = languagesOf(draft.content);
		const title = textsFrom(form, 'title', languages);
		if (!title) return tooLong();
		const levels = [];
		for (const [i, level] of draft.content.levels.entries()) {
			const name = textsFrom(form, `level${i}.name`, languages);
			const description = textsFrom(form, `level${i}.description`, languages);
			if (!name || !description) return tooLong();
			const minScore = form.get(`level${i}.minScore`);
			const score = typeof minScore === 'string' && minScore.trim() !== '' ? Number(minScore.replace(',', '.')) : level.minScore;
			levels.push({
				...level,
				name: setTexts(level.name, name),
				minScore: Number.isFinite(score) ? score : level.minScore,
				...(level.description || Object.values(description).some((d) => d.trim() !== '')
					? { description: setTexts(level.description ?? ({} as typeof level.name), description) }
					: {})
			});
		}
		const content: Catalogue = { ...draft.content, version: parsed.data.version, title: setTexts(draft.content.title, title), levels };
		await drafts.saveDraft(getApp().db, draft.id, content, draft.userId);
		back(url);
	},

	area: async ({ locals, params, request, url }) => {
		const draft = await openDraft({ locals, params });
		const form = await readForm(request);
		const parsed = z.object({ area: areaIndex }).safeParse(fieldsOf(form));
		if (!parsed.success) return fail(400, { error: 'invalid' as const });
		const languages = languagesOf(draft.content);
		const i = parsed.data.area;
		const area = draft.content.areas[i];
		if (!area) return fail(400, { error: 'invalid' as const });
		// The German name is the official one; only its translations are edited.
		const name = textsFrom(form, 'name', languages.filter((l) => l !== 'de'));
		const description = textsFrom(form, 'description', languages);
		const recommendations = { ...area.recommendations };
		for (const level of ['1', '2', '3', '4'] as const) {
			const texts = textsFrom(form, `rec${level}`, languages);
			if (!texts) return tooLong();
			recommendations[level] = setTexts(recommendations[level], texts);
		}
		if (!name || !description) return tooLong();
		const areas = draft.content.areas.map((a, j) =>
			j === i ? { ...a, name: setTexts(a.name, name), description: setTexts(a.description, description), recommendations } : a
		);
		await drafts.saveDraft(getApp().db, draft.id, { ...draft.content, areas }, draft.userId);
		back(url);
	},

	topics: async ({ locals, params, request, url }) => {
		const draft = await openDraft({ locals, params });
		const form = await readForm(request);
		const parsed = topicsSchema.safeParse(fieldsOf(form));
		if (!parsed.success) return fail(400, { error: 'invalid' as const });
		const languages = languagesOf(draft.content);
		const { area: i, remove, newId } = parsed.data;
		const area = draft.content.areas[i];
		if (!area) return fail(400, { error: 'invalid' as const });
		const topics: CatalogueArea['topics'] = [];
		for (const [k, topic] of area.topics.entries()) {
			if (k === remove) continue;
			const name = textsFrom(form, `topic${k}.name`, languages);
			if (!name) return tooLong();
			topics.push({ ...topic, name: setTexts(topic.name, name) });
		}
		if (newId) {
			const name = textsFrom(form, 'newTopic.name', languages);
			if (!name) return tooLong();
			topics.push({ id: newId, name: setTexts(Object.fromEntries(languages.map((l) => [l, ''])) as (typeof area.topics)[number]['name'], name) });
		}
		const areas = draft.content.areas.map((a, j) => (j === i ? { ...a, topics } : a));
		await drafts.saveDraft(getApp().db, draft.id, { ...draft.content, areas }, draft.userId);
		back(url, '#topics');
	},

	question: async ({ locals, params, request, url }) => {
		const draft = await openDraft({ locals, params });
		const form = await readForm(request);
		const parsed = questionSchema.safeParse(fieldsOf(form));
		if (!parsed.success) return fail(400, { error: 'invalid' as const });
		const { area: i, index, original, do: what } = parsed.data;
		const question = draft.content.areas[i]?.questions[index];
		if (!question || question.id !== original) return fail(409, { error: 'stale' as const });
		let content = draft.content;
		if (what !== 'remove') {
			// Moving a question keeps what was typed into it: the form carries its fields too.
			const languages = languagesOf(content);
			const texts = textsFrom(form, 'text', languages);
			const help = textsFrom(form, 'help', languages);
			if (!texts || !help) return tooLong();
			if (form.has('text.de')) {
				const profiles = form.getAll('notApplicableFor').filter((p): p is string => typeof p === 'string').slice(0, PROFILES.length);
				const { topic: _topic, help: _help, ...rest } = question;
				const topic = parsed.data.topic || undefined;
				const helpTexts = optionalTexts(question.help, help);
				const edited: CatalogueQuestion = {
					...rest,
					id: parsed.data.id || question.id,
					...(topic ? { topic } : {}),
					text: setTexts(question.text, texts),
					...(helpTexts ? { help: helpTexts } : {})
				};
				content = replaceQuestion(content, i, index, withProfiles(keyOrder(edited), profiles));
			}
		}
		const count = content.areas[i]!.questions.length;
		let at = index;
		if (what === 'up' || what === 'down') {
			content = moveQuestion(content, i, index, what === 'up' ? -1 : 1);
			at = Math.max(0, Math.min(index + (what === 'up' ? -1 : 1), count - 1));
		} else if (what === 'remove') {
			content = removeQuestion(content, i, index);
			at = -1;
		}
		const anchor = at < 0 ? '#questions' : `&open=${at}#q-${at}`;
		await drafts.saveDraft(getApp().db, draft.id, content, draft.userId);
		back(url, anchor);
	},

	addQuestion: async ({ locals, params, request, url }) => {
		const draft = await openDraft({ locals, params });
		const form = await readForm(request);
		const parsed = addQuestionSchema.safeParse(fieldsOf(form));
		if (!parsed.success) return fail(400, { error: 'invalid' as const });
		const { area: i, id, topic } = parsed.data;
		if (!draft.content.areas[i]) return fail(400, { error: 'invalid' as const });
		const languages = languagesOf(draft.content);
		const texts = textsFrom(form, 'text', languages);
		const help = textsFrom(form, 'help', languages);
		if (!texts || !help) return tooLong();
		const profiles = form.getAll('notApplicableFor').filter((p): p is string => typeof p === 'string').slice(0, PROFILES.length);
		const empty = Object.fromEntries(languages.map((l) => [l, ''])) as CatalogueQuestion['text'];
		const helpTexts = optionalTexts(undefined, help);
		const question: CatalogueQuestion = {
			id: id || nextQuestionId(draft.content, i),
			...(topic ? { topic } : {}),
			text: setTexts(empty, texts),
			...(helpTexts ? { help: helpTexts } : {})
		};
		const content = addQuestion(draft.content, i, withProfiles(question, profiles));
		await drafts.saveDraft(getApp().db, draft.id, content, draft.userId);
		const last = content.areas[i]!.questions.length - 1;
		back(url, `&open=${last}#q-${last}`);
	},

	publish: async ({ locals, params, request }) => {
		await drainBody(request);
		const draft = await openDraft({ locals, params });
		const { db } = getApp();
		const validation = validateCatalogue(draft.content);
		if (!validation.ok) {
			const problems = describeProblems(validation.problems, validation.json, catalogueProblemTexts(locals.lang));
			return fail(422, { error: 'publishRefused' as const, problems });
		}
		const { catalogue } = validation;
		const stale = await storedPreviousProblems(db, draft.municipalityId, catalogue);
		if (stale.length > 0) {
			return fail(422, { error: 'publishRefused' as const, problems: describeProblems(stale, catalogue, catalogueProblemTexts(locals.lang)) });
		}
		const taken = (await catalogues.listCatalogues(db, draft.municipalityId)).some(
			(c) => c.key === catalogue.id && c.version === catalogue.version
		);
		if (taken) return fail(409, { error: 'versionExists' as const, version: catalogue.version });
		const result = await catalogues.storeCatalogue(db, catalogue, draft.municipalityId, draft.userId);
		if (result.status !== 'stored') return fail(409, { error: 'versionExists' as const, version: catalogue.version });
		await drafts.deleteDraft(db, draft.id);
		redirect(303, `/m/${draft.municipalityId}/catalogues?published=${result.id}&questions=${countQuestions(catalogue)}`);
	},

	discard: async ({ locals, params, request }) => {
		const draft = await openDraft({ locals, params });
		const form = await readForm(request);
		if (form.get('confirm') !== 'yes') return fail(400, { error: 'discardConfirm' as const });
		await drafts.deleteDraft(getApp().db, draft.id);
		redirect(303, `/m/${draft.municipalityId}/catalogues?discarded=1`);
	}
} satisfies Actions;

/** The question's fields in the schema's order, so a published file reads like the shipped one. */
function keyOrder(question: CatalogueQuestion): CatalogueQuestion {
	const { id, topic, text: questionText, help, ...rest } = question;
	return { id, ...(topic ? { topic } : {}), text: questionText, ...(help ? { help } : {}), ...rest };
}
