import { apiError, apiWorkshop } from '$lib/server/http/api';
import { eventStream } from '$lib/server/realtime/live';
import { groupBus, groupChannel } from '$lib/server/groups/proposals';
import { getApp } from '$lib/server/platform/app';
import type { RequestHandler } from './$types';

/** The small groups' overview stream: which area's group changed (the page reloads its data). */
export const GET = (async ({ locals, params, getClientAddress }) => {
	const access = await apiWorkshop(getApp().db, locals, params.id);
	if (access instanceof Response) return access;
	const release = getApp().streams.acquire(getClientAddress());
	if (!release) return apiError(429, 'tooManyStreams');
	const workshopId = access.workshop.id;
	return eventStream(
		(send) =>
			groupBus.subscribe(
				groupChannel(workshopId),
				(event) => send(event.type, event),
				// Events may have been missed (the bus reconnected): the page reloads its data.
				() => send('phase', { type: 'phase', resync: true })
			),
		{ release }
	);
}) satisfies RequestHandler;
