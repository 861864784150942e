import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { flagSchema, proposalSchema } from '$lib/schemas/measures';
import { getApp } from '$lib/server/platform/app';
import { berlinMinute } from '$lib/server/results/exports';
import { readForm } from '$lib/server/http/forms';
import { workshopByCode, type CodeRequest } from '$lib/server/workshops/participant';
import { chooseTable } from '$lib/server/groups/tables';
import { chooseGroup, flagQuestion, groupPage, propose, supportProposal } from '$lib/server/groups/proposals';
import { Refusal } from '$lib/server/http/refusal';
import { ballotCookie, parseWorkshop } from '$lib/server/workshops/workshops';
import { participantMessages } from '$lib/i18n/participant/dictionaries.server';
import { pickParticipantLanguage, rememberedParticipantLanguage } from '$lib/i18n/participant/languages';
import type { Actions, PageServerLoad } from './$types';

async function findOrFail(code: string, from: CodeRequest) {
	try {
		return await workshopByCode(getApp().db, getApp().codeThrottle, code, from);
	} catch (err) {
		if (err instanceof Refusal) error(err.status, err.code);
		throw err;
	}
}

/** The device's small group: the chooser, or the area with answers, figures and proposals. */
export const load = (async ({ params, cookies, getClientAddress, locals, request }) => {
	const row = await findOrFail(params.code, { address: getClientAddress(), cookies });
	const workshop = parseWorkshop(row);
	// The participant's language, as on the rating page: only one this workshop offers.
	const lang = pickParticipantLanguage(rememberedParticipantLanguage(cookies), request.headers.get('accept-language'), workshop.languages);
	const override = lang !== locals.participantLang ? { participantLang: lang, m: participantMessages(lang) } : {};
	locals.participantLang = lang;
	const view = await groupPage(getApp().db, row, cookies.get(ballotCookie(row.id)), lang);
	return {
		...override,
		offered: workshop.languages,
		code: row.code,
		title: row.title,
		...view,
		group: view.group && {
			...view.group,
			// Only the minute, in local time: nothing finer identifies who wrote when.
			proposals: view.group.proposals.map((p) => ({ ...p, createdAt: berlinMinute(p.createdAt).slice(11) }))
		}
	};
}) satisfies PageServerLoad;

const areaField = z.object({ area: z.coerce.number().int().min(1).max(7) });
const idField = z.object({ proposal: z.coerce.number().int().positive().max(2 ** 31) });
const tableField = z.object({ table: z.coerce.number().int().positive().max(2 ** 31) });

function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** Runs a participant's write; a refusal becomes the form's error, success a redirect back. */
async function attempt(code: string, anchor: string, write: () => Promise<unknown>, extra: Record<string, unknown> = {}) {
	try {
		await write();
	} catch (err) {
		if (err instanceof Refusal) return fail(err.status, { error: err.code, ...extra });
		throw err;
	}
	redirect(303, `/w/${code}/group${anchor}`);
}

export const actions = {
	choose: async ({ params, request, cookies, getClientAddress }) => {
		const row = await findOrFail(params.code, { address: getClientAddress(), cookies });
		const form = await readForm(request);
		const parsed = areaField.safeParse({ area: text(form, 'area') });
		if (!parsed.success) return fail(422, { error: 'unknownArea', where: 'choose' });
		return attempt(row.code, '', () => chooseGroup(getApp().db, row, cookies.get(ballotCookie(row.id)), parsed.data.area), { where: 'choose' });
	},
	table: async ({ params, request, cookies, getClientAddress }) => {
		const row = await findOrFail(params.code, { address: getClientAddress(), cookies });
		const form = await readForm(request);
		const parsed = tableField.safeParse({ table: text(form, 'table') });
		if (!parsed.success) return fail(422, { error: 'unknownTable', where: 'choose' });
		return attempt(row.code, '', () => chooseTable(getApp().db, row, cookies.get(ballotCookie(row.id)), parsed.data.table), { where: 'choose' });
	},
	propose: async ({ params, request, cookies, getClientAddress }) => {
		const row = await findOrFail(params.code, { address: getClientAddress(), cookies });
		const form = await readForm(request);
		const values = { what: text(form, 'what').slice(0, 5000), who: text(form, 'who').slice(0, 5000), firstStep: text(form, 'firstStep').slice(0, 5000) };
		const parsed = proposalSchema.safeParse(values);
		if (!parsed.success) {
			const code = parsed.error.issues[0]?.message ?? 'invalid';
			return fail(400, { error: /^[a-zA-Z]+$/.test(code) ? code : 'invalid', where: 'propose', values });
		}
		return attempt(row.code, '?proposed=1#proposals', () => propose(getApp().db, row, cookies.get(ballotCookie(row.id)), parsed.data), { where: 'propose', values });
	},
	support: async ({ params, request, cookies, getClientAddress }) => {
		const row = await findOrFail(params.code, { address: getClientAddress(), cookies });
		const form = await readForm(request);
		const parsed = idField.safeParse({ proposal: text(form, 'proposal') });
		if (!parsed.success) return fail(422, { error: 'unknownProposalHere', where: 'support' });
		const id = parsed.data.proposal;
		return attempt(row.code, `#proposal-${id}`, () => supportProposal(getApp().db, row, cookies.get(ballotCookie(row.id)), id), { where: 'support' });
	},
	differ: async ({ params, request, cookies, getClientAddress }) => {
		const row = await findOrFail(params.code, { address: getClientAddress(), cookies });
		const form = await readForm(request);
		const parsed = flagSchema.safeParse({ questionId: text(form, 'question'), reason: text(form, 'reason').slice(0, 5000), remove: form.get('remove') === '1' });
		if (!parsed.success) {
			const code = parsed.error.issues[0]?.message ?? 'invalid';
			return fail(400, { error: /^[a-zA-Z]+$/.test(code) ? code : 'invalid', where: `q-${text(form, 'question').slice(0, 20)}` });
		}
		const where = `q-${parsed.data.questionId}`;
		return attempt(row.code, `#${where}`, () => flagQuestion(getApp().db, row, cookies.get(ballotCookie(row.id)), parsed.data), { where });
	}
} satisfies Actions;
