import { fail } from '@sveltejs/kit';
import type { Db } from '../db';
import { requireWorkshop } from '../http/assessment-access';
import * as store from '../db/workshops';
import { Refusal } from '../http/refusal';
import { joinRate, undoBallotVoid, voidBallotsOfMinute } from './workshops';

/** What the control panel's join-rate panel shows: the last 15 minutes, the minutes that can be voided, the voids. */
export async function joinRatePanel(db: Db, workshopId: number) {
	const [minutes, all, voids] = await Promise.all([
		joinRate(db, workshopId, 15),
		store.joinsPerMinute(db, workshopId, ''),
		store.listVoids(db, workshopId)
	]);
	return {
		minutes,
		voidable: all.filter((m) => m.ballots > m.voided).map((m) => ({ minute: m.minute, ballots: m.ballots - m.voided })),
		voids
	};
}

async function run<T>(work: () => Promise<T>) {
	try {
		return { ok: true as const, value: await work() };
	} catch (err) {
		if (err instanceof Refusal) return { ok: false as const, problem: fail(err.status, { error: err.code }) };
		throw err;
	}
}

/** The control panel's "void the ballots of one minute" action (coordination and facilitation only). */
export async function voidMinuteAction(db: Db, locals: App.Locals, workshopParam: string, form: FormData) {
	const { workshop, userId } = await requireWorkshop(db, locals, workshopParam, 'coordinator', 'facilitator');
	const minute = String(form.get('minute') ?? '');
	if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/.test(minute)) return fail(422, { error: 'voidUnknownMinute' });
	if (form.get('confirm') !== 'yes') return fail(422, { error: 'voidConfirm' });
	const result = await run(() => voidBallotsOfMinute(db, workshop.id, minute, userId));
	return result.ok ? { voided: { count: result.value, minute } } : result.problem;
}

/** The control panel's "undo" of a void. */
export async function undoVoidAction(db: Db, locals: App.Locals, workshopParam: string, form: FormData) {
	const { workshop, userId } = await requireWorkshop(db, locals, workshopParam, 'coordinator', 'facilitator');
	const voidId = Number(form.get('voidId'));
	if (!Number.isSafeInteger(voidId) || voidId <= 0) return fail(404, { error: 'voidUnknown' });
	const record = (await store.listVoids(db, workshop.id)).find((v) => v.id === voidId);
	const result = await run(() => undoBallotVoid(db, workshop.id, voidId, userId));
	return result.ok ? { undone: { minute: record?.minute ?? '' } } : result.problem;
}
