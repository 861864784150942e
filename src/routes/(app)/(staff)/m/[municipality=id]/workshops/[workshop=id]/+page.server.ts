import { fail } from '@sveltejs/kit';
import { readForm } from '$lib/server/forms';
import { areaNumbersSchema, paperLevelsSchema } from '$lib/schemas/forms';
import type { RatingLevel } from '$lib/domain/ballot';
import { getApp } from '$lib/server/app';
import { requireWorkshop } from '$lib/server/assessment-access';
import { joinUrl, qrSvg } from '$lib/server/qr';
import { catalogueOf } from '$lib/server/questionnaire';
import { Refusal } from '$lib/server/refusal';
import { addPaperBallot, endWorkshop, parseWorkshop, setAreas, workshopState } from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const { workshop: row, assessmentName } = await requireWorkshop(locals, params.workshop);
	const { db, config } = getApp();
	const workshop = parseWorkshop(row);
	const assessment = await db.selectFrom('assessment').selectAll().where('id', '=', row.assessment_id).executeTakeFirstOrThrow();
	const catalogue = await catalogueOf(db, assessment);
	const link = joinUrl(config.ORIGIN ?? url.origin, row.code);
	return {
		workshop: { id: row.id, title: row.title, heldOn: row.held_on, code: row.code, groups: workshop.groups, k: row.k, assessmentId: row.assessment_id },
		assessmentName,
		state: await workshopState(db, row),
		areas: workshop.areaList.map((n) => ({ number: n, name: catalogue.areas.find((a) => a.number === n)!.name })),
		levels: catalogue.levels.map((l) => ({ level: l.level, name: l.name })),
		link,
		qr: await qrSvg(link)
	};
}) satisfies PageServerLoad;

/** The areas a control-panel button names; refused inside `change`, i.e. after the role check. */
function areaList(form: FormData): number[] {
	const parsed = areaNumbersSchema.safeParse([...new Set(form.getAll('area').map(String))]);
	if (!parsed.success) throw new Refusal(parsed.error.issues[0]?.message ?? 'invalidArea', 422);
	return parsed.data;
}

async function change(locals: App.Locals, workshopParam: string, run: (workshopId: number) => Promise<void>) {
	const { workshop } = await requireWorkshop(locals, workshopParam, 'coordinator', 'facilitator');
	try {
		await run(workshop.id);
	} catch (err) {
		if (err instanceof Refusal) return fail(err.status, { error: err.code });
		throw err;
	}
	return { done: true };
}

export const actions = {
	open: async ({ locals, params, request }) => {
		const form = await readForm(request);
		return change(locals, params.workshop, (id) => setAreas(getApp().db, id, areaList(form), true));
	},
	close: async ({ locals, params, request }) => {
		const form = await readForm(request);
		return change(locals, params.workshop, (id) => setAreas(getApp().db, id, areaList(form), false));
	},
	end: async ({ locals, params }) => change(locals, params.workshop, (id) => endWorkshop(getApp().db, id)),
	paper: async ({ locals, params, request }) => {
		const form = await readForm(request);
		const group = String(form.get('group') ?? '');
		const raw = new Map<number, RatingLevel>();
		for (const [key, value] of form) {
			const match = /^level-(\d)$/.exec(key);
			if (!match || value === '') continue;
			raw.set(Number(match[1]), value === 'unknown' ? null : (Number(value) as RatingLevel));
		}
		const parsedLevels = paperLevelsSchema.safeParse([...raw].map(([area, level]) => ({ area, level })));
		const levels = parsedLevels.success ? parsedLevels.data : [];
		const result = await change(locals, params.workshop, (id) => {
			// Refused after the role check in `change`, like every other problem of the ballot.
			if (!parsedLevels.success) throw new Refusal('invalidLevel', 422);
			return addPaperBallot(getApp().db, id, group === '' ? null : group, levels);
		});
		if ('done' in result) return { paperSaved: levels.length };
		return result;
	}
} satisfies Actions;

