import { apiWorkshop } from '$lib/server/api';
import { getApp } from '$lib/server/app';
import { eventStream } from '$lib/server/live';
import { bus, channelOf, workshopState } from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/** The presenter's and control panel's live stream: the full state first, then every change. */
export const GET = (async ({ locals, params }) => {
	const access = await apiWorkshop(locals, params.id);
	if (access instanceof Response) return access;
	const { db } = getApp();
	const workshopId = access.workshop.id;
	return eventStream(async (send) => {
		// Subscribe before reading the state, so nothing that happens in between is missed.
		const unsubscribe = bus.subscribe(channelOf(workshopId), (event) => {
			if (event.type === 'state') send('state', event.state);
			else send(event.type, event);
		});
		const row = await db.selectFrom('workshop').selectAll().where('id', '=', workshopId).executeTakeFirstOrThrow();
		send('state', await workshopState(db, row));
		return unsubscribe;
	});
}) satisfies RequestHandler;
