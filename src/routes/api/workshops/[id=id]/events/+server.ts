import { apiError, apiWorkshop } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { eventStream, stateThenChanges } from '$lib/server/realtime/live';
import { currentState, subscribeLive, type LiveEvent } from '$lib/server/workshops/workshops';
import type { RequestHandler } from './$types';

/**
 * The presenter's and control panel's live stream: the full state first, then every change (from
 * every instance); the full state again after a workshop change or a bus reconnect.
 */
export const GET = (async ({ locals, params, getClientAddress }) => {
	const access = await apiWorkshop(getApp().db, locals, params.id);
	if (access instanceof Response) return access;
	const release = getApp().streams.acquire(getClientAddress());
	if (!release) return apiError(429, 'tooManyStreams');
	const { db } = getApp();
	const workshopId = access.workshop.id;
	return eventStream(
		(send) =>
			stateThenChanges<LiveEvent>(
				(listener) => subscribeLive(db, workshopId, listener),
				async () => send('state', await currentState(db, workshopId)),
				(event) => (event.type === 'state' ? send('state', event.state) : send(event.type, event))
			),
		{ release }
	);
}) satisfies RequestHandler;
