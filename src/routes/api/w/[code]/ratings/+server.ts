import { json } from '@sveltejs/kit';
import { ratingSchema } from '$lib/schemas/forms';
import { jsonBody, refusalResponse } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { workshopIdByCode } from '$lib/server/workshops/participant';
import { ballotCookie, rate } from '$lib/server/workshops/workshops';
import type { RequestHandler } from './$types';

/** Stores the device's rating of one area; a 200 means it is committed. */
export const POST = (async ({ params, request, cookies, getClientAddress }) => {
	const input = await jsonBody(request, ratingSchema);
	if (input instanceof Response) return input;
	try {
		const workshopId = await workshopIdByCode(getApp().db, getApp().codeThrottle, params.code, { address: getClientAddress(), cookies });
		const seq = await rate(getApp().db, workshopId, cookies.get(ballotCookie(workshopId)), input.area, input.level);
		return json({ status: 'saved', seq, area: input.area, level: input.level });
	} catch (err) {
		return refusalResponse(err);
	}
}) satisfies RequestHandler;
