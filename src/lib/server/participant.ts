import type { Cookies } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/domain/joincode';
import { getApp } from './app';
import * as store from './db/workshops';
import type { WorkshopRow } from './db/schema';
import { Refusal } from './refusal';
import { ballotCookie } from './workshops';

/**
 * The workshop behind a join code typed or linked by a participant. Wrong codes count against the
 * client address (held in memory only) so codes cannot be guessed by trying.
 */
export async function workshopByCode(code: string, address: string): Promise<WorkshopRow> {
	const { db, codeThrottle } = getApp();
	if (codeThrottle.retryAfter(address) > 0) throw new Refusal('tooManyCodes', 429);
	const normalised = normaliseJoinCode(code);
	const workshop = normalised ? await store.findWorkshopByCode(db, normalised) : undefined;
	if (!workshop) {
		codeThrottle.recordFailure(address);
		throw new Refusal('unknownCode', 404);
	}
	return workshop;
}

// A code always names the same workshop, so the rating path can skip the lookup after the first time.
const workshopIds = new Map<string, number>();

/** The id of the workshop behind a join code, for the hot rating path (same checks as above). */
export async function workshopIdByCode(code: string, address: string): Promise<number> {
	const normalised = normaliseJoinCode(code);
	const known = normalised && workshopIds.get(normalised);
	if (known) return known;
	const workshop = await workshopByCode(code, address);
	workshopIds.set(workshop.code, workshop.id);
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
