import { getApp } from '$lib/server/platform/app';
import { stateThenChanges } from '$lib/server/realtime/live';
import { participantStream } from '$lib/server/workshops/participant-stream';
import { currentState, subscribeLive, type LiveEvent } from '$lib/server/workshops/workshops';
import type { RequestHandler } from './$types';

const publicState = (state: { status: string; openAreas: number[]; areas: number[] }) => ({
	status: state.status,
	areas: state.areas,
	openAreas: state.openAreas
});

/**
 * The participants' live stream: which areas are open and whether the workshop ended. Only state
 * changes are sent (not every rating), so a thousand phones cost little. A workshop change, or the
 * bus reconnecting, arrives as a full state.
 */
export const GET = (({ params, getClientAddress, cookies }) =>
	participantStream(getApp(), params.code, getClientAddress(), cookies, (workshopId) => async (send) => {
		const { db } = getApp();
		return stateThenChanges<LiveEvent>(
			(listener) => subscribeLive(db, workshopId, listener, { statesOnly: true }),
			async () => send('state', publicState(await currentState(db, workshopId))),
			(event) => {
				if (event.type === 'state') send('state', publicState(event.state));
			}
		);
	})) satisfies RequestHandler;
