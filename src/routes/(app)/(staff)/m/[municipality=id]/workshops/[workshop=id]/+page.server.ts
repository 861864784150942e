import { fail } from '@sveltejs/kit';
import { drainBody, readForm } from '$lib/server/http/forms';
import { areaNumbersSchema, paperLevelsSchema } from '$lib/schemas/forms';
import type { RatingLevel } from '$lib/domain/ballot';
import { getApp } from '$lib/server/platform/app';
import { requireWorkshop } from '$lib/server/http/assessment-access';
import { joinRatePanel, undoVoidAction, voidMinuteAction } from '$lib/server/workshops/join-rate';
import { joinUrl, qrSvg } from '$lib/server/workshops/qr';
import { phaseOf } from '$lib/server/groups/proposals';
import type { Role } from '$lib/server/accounts/memberships';
import { Refusal } from '$lib/server/http/refusal';
import { addPaperBallot, endWorkshop, paperBallotCount, parseWorkshop, setAreas, workshopCatalogue, workshopState } from '$lib/server/workshops/workshops';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url, depends }) => {
	depends('app:join-rate');
	const { workshop: row, assessmentName, role } = await requireWorkshop(getApp().db, locals, params.workshop);
	const { db, config } = getApp();
	const workshop = parseWorkshop(row);
	const catalogue = await workshopCatalogue(db, row);
	const link = joinUrl(config.ORIGIN ?? url.origin, row.code);
	return {
		// Editors may look, not steer: the actions below refuse them (403), so the page shows no forms.
		canControl: CONTROL_ROLES.includes(role),
		paperBallots: await paperBallotCount(db, row.id),
		workshop: { id: row.id, title: row.title, heldOn: row.held_on, code: row.code, groups: workshop.groups, k: row.k, assessmentId: row.assessment_id },
		assessmentName,
		state: await workshopState(db, row),
		areas: workshop.areaList.map((n) => ({ number: n, name: catalogue.areas.find((a) => a.number === n)!.name })),
		levels: catalogue.levels.map((l) => ({ level: l.level, name: l.name })),
		link,
		qr: await qrSvg(link),
		joinRate: await joinRatePanel(getApp().db, row.id),
		groupPhase: await phaseOf(db, row)
	};
}) satisfies PageServerLoad;

const CONTROL_ROLES: Role[] = ['coordinator', 'facilitator'];

/** The areas a control-panel button names, parsed once per request. */
const parseAreas = (form: FormData) => areaNumbersSchema.safeParse([...new Set(form.getAll('area').map(String))]);

/** The parsed areas, refused when invalid; called inside `change`, i.e. after the role check. */
function areasOrRefuse(parsed: ReturnType<typeof parseAreas>): number[] {
	if (!parsed.success) throw new Refusal(parsed.error.issues[0]?.message ?? 'invalidArea', 422);
	return parsed.data;
}

/**
 * Every action answers with `source`: which control caused it ('all' for the open/close-all
 * buttons, 'area-N' for one area's button, 'paper', 'end'), so the page shows the confirmation or
 * the error next to that control rather than at the top of a long page.
 */
async function change(locals: App.Locals, workshopParam: string, source: string, run: (workshopId: number) => Promise<void>) {
	const { workshop } = await requireWorkshop(getApp().db, locals, workshopParam, ...CONTROL_ROLES);
	try {
		await run(workshop.id);
	} catch (err) {
		if (err instanceof Refusal) return fail(err.status, { error: err.code, source });
		throw err;
	}
	return { done: true as const, source };
}

/** 'all' when the form listed every area (the open/close-all buttons), else the one area. */
function sourceOf(form: FormData, areas: number[]): string {
	return form.get('scope') === 'all' || areas.length !== 1 ? 'all' : `area-${areas[0]}`;
}

export const actions = {
	open: async ({ locals, params, request }) => {
		const form = await readForm(request);
		const parsed = parseAreas(form);
		const result = await change(locals, params.workshop, sourceOf(form, parsed.success ? parsed.data : []), (id) =>
			setAreas(getApp().db, id, areasOrRefuse(parsed), true)
		);
		return 'done' in result ? { ...result, opened: true } : result;
	},
	close: async ({ locals, params, request }) => {
		const form = await readForm(request);
		const parsed = parseAreas(form);
		const result = await change(locals, params.workshop, sourceOf(form, parsed.success ? parsed.data : []), (id) =>
			setAreas(getApp().db, id, areasOrRefuse(parsed), false)
		);
		return 'done' in result ? { ...result, opened: false } : result;
	},
	end: async ({ locals, params, request }) => {
		await drainBody(request);
		return change(locals, params.workshop, 'end', (id) => endWorkshop(getApp().db, id));
	},
	voidMinute: async ({ locals, params, request }) => voidMinuteAction(getApp().db, locals, params.workshop, await readForm(request)),
	undoVoid: async ({ locals, params, request }) => undoVoidAction(getApp().db, locals, params.workshop, await readForm(request)),
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
		const result = await change(locals, params.workshop, 'paper', (id) => {
			// Refused after the role check in `change`, like every other problem of the ballot.
			if (!parsedLevels.success) throw new Refusal('invalidLevel', 422);
			return addPaperBallot(getApp().db, id, group === '' ? null : group, levels);
		});
		if ('done' in result) return { ...result, paperSaved: levels.length };
		return result;
	}
} satisfies Actions;

