import { refusalResponse } from '$lib/server/api';
import { getApp } from '$lib/server/app';
import { eventStream } from '$lib/server/live';
import { workshopByCode } from '$lib/server/participant';
import { bus, channelOf, workshopState } from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/**
 * The participants' live stream: which areas are open and whether the workshop ended. Only state
 * changes are sent (not every rating), so a thousand phones cost little.
 */
export const GET = (async ({ params, cookies, getClientAddress }) => {
	let workshopId: number;
	try {
		workshopId = (await workshopByCode(params.code, { address: getClientAddress(), cookies })).id;
	} catch (err) {
		return refusalResponse(err);
	}
	const { db } = getApp();
	const publicState = (state: { status: string; openAreas: number[]; areas: number[] }) => ({
		status: state.status,
		areas: state.areas,
		openAreas: state.openAreas
	});
	return eventStream(async (send) => {
		const unsubscribe = bus.subscribe(channelOf(workshopId), (event) => {
			if (event.type === 'state') send('state', publicState(event.state));
		});
		const row = await db.selectFrom('workshop').selectAll().where('id', '=', workshopId).executeTakeFirstOrThrow();
		send('state', publicState(await workshopState(db, row)));
		return unsubscribe;
	});
}) satisfies RequestHandler;
