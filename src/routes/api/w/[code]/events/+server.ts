import { apiError, refusalResponse } from '$lib/server/api';
import { getApp } from '$lib/server/app';
import { acquireStream } from '$lib/server/limits';
import { eventStream } from '$lib/server/live';
import { workshopByCode } from '$lib/server/participant';
import { ballotCookie, bus, channelOf, hashToken, workshopState } from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/**
 * The participants' live stream: which areas are open and whether the workshop ended. Only state
 * changes are sent (not every rating), so a thousand phones cost little.
 */
export const GET = (async ({ params, getClientAddress, cookies }) => {
	let workshopId: number;
	const address = getClientAddress();
	try {
		workshopId = (await workshopByCode(params.code, { address, cookies })).id;
	} catch (err) {
		return refusalResponse(err);
	}
	// Streams per address (SSE_PER_ADDRESS) and per ballot cookie (SSE_PER_BALLOT); the slot is freed when the stream ends.
	const token = cookies.get(ballotCookie(workshopId));
	const release = acquireStream(address, token ? hashToken(token) : undefined);
	if (!release) return apiError(429, 'tooManyStreams');
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
	}, { release });
}) satisfies RequestHandler;
