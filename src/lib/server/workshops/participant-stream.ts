import type { Cookies } from '@sveltejs/kit';
import { apiError, refusalResponse } from '../http/api';
import type { Db } from '../db';
import type { StreamLimits } from '../limits/limits';
import type { CodeThrottles } from '../limits/throttle';
import { eventStream } from '../realtime/live';
import { workshopByCode } from './participant';
import { ballotCookie, hashToken } from './workshops';

type Start = Parameters<typeof eventStream>[0];

/** What a participant's stream needs from the running app. */
export interface ParticipantStreamParts {
	db: Db;
	codeThrottle: CodeThrottles;
	streams: StreamLimits;
}

/**
 * A participant's live stream for the workshop behind a join code: the code is checked like every
 * participant request, the stream takes a slot per address (SSE_PER_ADDRESS) and per ballot cookie
 * (SSE_PER_BALLOT) — 429 when either is full — and frees it when the stream ends.
 */
export async function participantStream(
	{ db, codeThrottle, streams }: ParticipantStreamParts,
	code: string,
	address: string,
	cookies: Cookies,
	start: (workshopId: number) => Start
): Promise<Response> {
	let workshopId: number;
	try {
		workshopId = (await workshopByCode(db, codeThrottle, code, { address, cookies })).id;
	} catch (err) {
		return refusalResponse(err);
	}
	const token = cookies.get(ballotCookie(workshopId));
	const release = streams.acquire(address, token ? hashToken(token) : undefined);
	if (!release) return apiError(429, 'tooManyStreams');
	return eventStream(start(workshopId), { release });
}
