import { apiError, refusalResponse } from '$lib/server/api';
import { acquireStream } from '$lib/server/limits';
import { eventStream } from '$lib/server/live';
import { workshopByCode } from '$lib/server/participant';
import { groupBus, groupChannel } from '$lib/server/proposals';
import { ballotCookie, hashToken } from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/**
 * The small groups' live stream for participants: which area's group changed and whether the phase
 * runs. No content and no ballot: the page reloads its own data when its area changed.
 */
export const GET = (async ({ params, getClientAddress, cookies }) => {
	let workshopId: number;
	const address = getClientAddress();
	try {
		workshopId = (await workshopByCode(params.code, { address, cookies })).id;
	} catch (err) {
		return refusalResponse(err);
	}
	const token = cookies.get(ballotCookie(workshopId));
	const release = acquireStream(address, token ? hashToken(token) : undefined);
	if (!release) return apiError(429, 'tooManyStreams');
	return eventStream((send) => groupBus.subscribe(groupChannel(workshopId), (event) => send(event.type, event)), { release });
}) satisfies RequestHandler;
