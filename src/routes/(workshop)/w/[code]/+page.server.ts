import { error, fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/http/forms';
import { joinSchema, ratingSchema } from '$lib/schemas/forms';
import { getApp } from '$lib/server/platform/app';
import { admitNewBallot } from '$lib/server/limits/limits';
import { setBallotCookie, workshopByCode, type CodeRequest } from '$lib/server/workshops/participant';
import { Refusal } from '$lib/server/http/refusal';
import { ballotCookie, ballotOf, join, parseWorkshop, rate, ratingsOfBallot, workshopCatalogue, workshopState, type Admission } from '$lib/server/workshops/workshops';
import { textIn } from '$lib/schemas/catalogue';
import { participantMessages } from '$lib/i18n/participant/dictionaries.server';
import { pickParticipantLanguage, rememberedParticipantLanguage } from '$lib/i18n/participant/languages';
import { phaseOf } from '$lib/server/groups/proposals';
import type { Actions, PageServerLoad } from './$types';

async function findOrFail(code: string, from: CodeRequest) {
	try {
		return await workshopByCode(getApp().db, getApp().codeThrottle, code, from);
	} catch (err) {
		if (err instanceof Refusal) error(err.status, err.code);
		throw err;
	}
}

export const load = (async ({ params, cookies, getClientAddress, locals, request }) => {
	const { db } = getApp();
	const row = await findOrFail(params.code, { address: getClientAddress(), cookies });
	const workshop = parseWorkshop(row);
	// Only a language this workshop offers; the layout's choice is overridden when it is not one.
	const lang = pickParticipantLanguage(rememberedParticipantLanguage(cookies), request.headers.get('accept-language'), workshop.languages);
	const override = lang !== locals.participantLang ? { participantLang: lang, m: participantMessages(lang) } : {};
	locals.participantLang = lang;
	const catalogue = await workshopCatalogue(db, row);
	const ballot = await ballotOf(db, row.id, cookies.get(ballotCookie(row.id)));
	const ratings = ballot ? await ratingsOfBallot(db, ballot.id) : [];
	const state = await workshopState(db, row);
	return {
		...override,
		offered: workshop.languages,
		workshop: {
			code: row.code,
			title: row.title,
			status: row.status,
			groups: workshop.groups,
			openAreas: state.openAreas,
			// Areas someone has rated were open once: a closed one says "geschlossen", not "noch nicht geöffnet".
			openedBefore: state.areas.filter((a) => (state.perArea[a] ?? 0) > 0),
			areas: workshop.areaList.map((number) => {
				const area = catalogue.areas.find((a) => a.number === number)!;
				return { number, name: textIn(area.name, lang), description: textIn(area.description, lang) };
			})
		},
		levels: catalogue.levels.map((l) => ({ level: l.level, name: textIn(l.name, lang) })),
		// The small groups run: the page links to them.
		groupPhase: (await phaseOf(db, row)).running,
		ballot: ballot
			? { group: ballot.stakeholder_group, ratings: Object.fromEntries(ratings.map((r) => [r.area, r.level])) as Record<number, number | null> }
			: null
	};
}) satisfies PageServerLoad;

export const actions = {
	join: async ({ params, request, cookies, getClientAddress, url }) => {
		const row = await findOrFail(params.code, { address: getClientAddress(), cookies });
		const form = await readForm(request);
		const group = String(form.get('group') ?? '');
		const parsed = joinSchema.safeParse({ group: group === '' ? null : group });
		if (!parsed.success) return fail(422, { error: 'invalidGroup', area: null });
		try {
			const admit: Admission = (trx) => admitNewBallot(getApp().admitBallot, trx, row.id, getClientAddress());
			const token = await join(getApp().db, row, cookies.get(ballotCookie(row.id)), parsed.data.group, admit);
			setBallotCookie(cookies, row.id, token, url.protocol === 'https:');
		} catch (err) {
			if (err instanceof Refusal) return fail(err.status, { error: err.code, area: null });
			throw err;
		}
		redirect(303, `/w/${row.code}`);
	},

	rate: async ({ params, request, cookies, getClientAddress }) => {
		const row = await findOrFail(params.code, { address: getClientAddress(), cookies });
		const form = await readForm(request);
		const levelText = String(form.get('level') ?? '');
		const parsed = ratingSchema.safeParse({
			area: form.get('area'),
			level: levelText === 'unknown' ? null : levelText === '' ? undefined : Number(levelText)
		});
		const area = Number(form.get('area')) || null;
		if (!parsed.success) return fail(422, { error: parsed.error.issues[0]?.message ?? 'invalid', area });
		try {
			await rate(getApp().db, row.id, cookies.get(ballotCookie(row.id)), parsed.data.area, parsed.data.level);
		} catch (err) {
			if (err instanceof Refusal) return fail(err.status, { error: err.code, area });
			throw err;
		}
		redirect(303, `/w/${row.code}?saved=${parsed.data.area}#area-${parsed.data.area}`);
	}
} satisfies Actions;
