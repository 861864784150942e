import type { Cookies } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/domain/joincode';
import * as store from '../db/workshops';
import type { WorkshopRow } from '../db/schema';
import { Refusal } from '../http/refusal';
import type { CodeThrottles } from '../limits/throttle';
import { ballotCookie, ballotOf } from './workshops';
import type { Db } from '../db';

/** Where a join-code request comes from: the client address (memory only) and its cookies. */
export interface CodeRequest {
	address: string;
	cookies?: Pick<Cookies, 'getAll'>;
}

const GLOBAL_KEY = 'all';

/**
 * The workshop behind a join code typed or linked by a participant.
 *
 * Only wrong guesses are throttled:
 * - a device with a valid ballot cookie for the workshop always passes (reloads, stream reconnects);
 * - every other lookup first reserves one attempt of its client address, then one of the global
 *   per-minute budget, both given back when the code is right; with the budget spent, no code is
 *   looked up until the minute is over, so rotating addresses cannot guess faster than the budget;
 * - an address over its limit gets 429 instead of 404 for wrong codes. A right code from that
 *   (perhaps shared: a town hall) address still passes, on a second allowance of the address's own
 *   that only wrong codes use up; once that is spent too, the address is refused before anything is
 *   looked up and touches no shared budget — one address must not use up every other address's
 *   joins. Every lookup that turns out wrong is paid from the global budget, so all addresses
 *   together guess at most that budget. A right code holds its reservations only while it is looked
 *   up: one address gets 429 for right codes only with more than twice its limit of lookups in
 *   flight at once.
 */
export async function workshopByCode(db: Db, throttles: CodeThrottles, code: string, from: CodeRequest | string): Promise<WorkshopRow> {
	const request = typeof from === 'string' ? { address: from } : from;
	const normalised = normaliseJoinCode(code);
	if (normalised && request.cookies) {
		const known = await workshopByBallotCookie(db, normalised, request.cookies);
		if (known) return known;
	}
	return lookUpGuardedCode(db, normalised, request.address, throttles);
}

/** The lookup behind the throttles; exported for tests with their own throttles. */
export async function lookUpGuardedCode(
	db: Db,
	normalised: string | null | undefined,
	address: string,
	throttles: CodeThrottles
): Promise<WorkshopRow> {
	// The address is reserved first: parallel guesses from one address cannot reach the global
	// budget before the address's lock shows.
	if ((await throttles.address.reserve(address)) === 0) return lookUpReserved(db, normalised, throttles, address, 'unknown');
	// Over its limit: only on the address's own second allowance, checked before the global budget
	// so a refused address never reaches it; a wrong code then gets 429.
	const allowance = `refused\u0000${address}`;
	if ((await throttles.address.reserve(allowance)) > 0) throw new Refusal('tooManyCodes', 429);
	return lookUpReserved(db, normalised, throttles, allowance, 'tooMany');
}

/**
 * With one attempt of the address reserved under `key`: takes one of the global budget (every
 * lookup is paid from it), looks the code up and gives both back when it is right; a wrong code is
 * answered 404 (`unknown`) or, from an address over its limit, 429 (`tooMany`).
 */
async function lookUpReserved(
	db: Db,
	normalised: string | null | undefined,
	throttles: CodeThrottles,
	key: string,
	wrong: 'unknown' | 'tooMany'
): Promise<WorkshopRow> {
	if ((await throttles.global.reserve(GLOBAL_KEY)) > 0) {
		await throttles.address.release(key);
		throw new Refusal('tooManyCodes', 429);
	}
	const workshop = normalised ? await store.findWorkshopByCode(db, normalised) : undefined;
	if (!workshop) throw wrong === 'unknown' ? new Refusal('unknownCode', 404) : new Refusal('tooManyCodes', 429);
	await Promise.all([throttles.global.release(GLOBAL_KEY), throttles.address.release(key)]);
	return workshop;
}

/** The workshop of a ballot cookie the device holds, if its token is valid and the code matches. */
export async function workshopByBallotCookie(db: Db, normalised: string, cookies: Pick<Cookies, 'getAll'>): Promise<WorkshopRow | undefined> {
	for (const { name, value } of cookies.getAll()) {
		const match = /^ballot_(\d{1,12})$/.exec(name);
		if (!match || !value) continue;
		const workshopId = Number(match[1]);
		const ballot = await ballotOf(db, workshopId, value);
		if (!ballot) continue;
		const workshop = await store.findWorkshop(db, workshopId);
		if (workshop && workshop.code === normalised) return workshop;
	}
	return undefined;
}

// A code always names the same workshop of a database, so the rating path can skip the lookup
// after the first time. Kept per database: tests (and tools) open several.
const workshopIds = new WeakMap<Db, Map<string, number>>();

/** The id of the workshop behind a join code, for the hot rating path (same checks as above). */
export async function workshopIdByCode(db: Db, throttles: CodeThrottles, code: string, from: CodeRequest | string): Promise<number> {
	let ids = workshopIds.get(db);
	if (!ids) workshopIds.set(db, (ids = new Map()));
	const normalised = normaliseJoinCode(code);
	const known = normalised && ids.get(normalised);
	if (known) return known;
	const workshop = await workshopByCode(db, throttles, code, from);
	ids.set(workshop.code, workshop.id);
	return workshop.id;
}

/** Sets the device's ballot cookie: httpOnly, for this site only, for two days. */
export function setBallotCookie(cookies: Cookies, workshopId: number, token: string, secure: boolean): void {
	cookies.set(ballotCookie(workshopId), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: 60 * 60 * 48
	});
}
