import type { Cookies } from '@sveltejs/kit';
import { apiError, refusalResponse } from '../http/api';
import { acquireStream } from '../limits/limits';
import { eventStream } from '../realtime/live';
import { workshopByCode } from './participant';
import { ballotCookie, hashToken } from './workshops';

type Start = Parameters<typeof eventStream>[0];

/**
 * A participant's live stream for the workshop behind a join code: the code is checked like every
 * participant request, the stream takes a slot per address (SSE_PER_ADDRESS) and per ballot cookie
 * (SSE_PER_BALLOT) — 429 when either is full — and frees it when the stream ends.
 */
export async function participantStream(
	code: string,
	address: string,
	cookies: Cookies,
	start: (workshopId: number) => Start
): Promise<Response> {
	let workshopId: number;
	try {
		workshopId = (await workshopByCode(code, { address, cookies })).id;
	} catch (err) {
		return refusalResponse(err);
	}
	const token = cookies.get(ballotCookie(workshopId));
	const release = acquireStream(address, token ? hashToken(token) : undefined);
	if (!release) return apiError(429, 'tooManyStreams');
	return eventStream(start(workshopId), { release });
}
