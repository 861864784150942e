import { participantStream } from '$lib/server/workshops/participant-stream';
import { groupBus, groupChannel } from '$lib/server/groups/proposals';
import { getApp } from '$lib/server/platform/app';
import type { RequestHandler } from './$types';

/**
 * The small groups' live stream for participants: which area's group changed and whether the phase
 * runs. No content and no ballot: the page reloads its own data when its area changed.
 */
export const GET = (({ params, getClientAddress, cookies }) =>
	participantStream(getApp(), params.code, getClientAddress(), cookies, (workshopId) => (send) =>
		groupBus.subscribe(
			groupChannel(workshopId),
			(event) => send(event.type, event),
			// Events may have been missed (the bus reconnected): the page reloads its data.
			() => send('phase', { type: 'phase', resync: true })
		)
	)) satisfies RequestHandler;
