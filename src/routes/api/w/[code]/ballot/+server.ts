import { json } from '@sveltejs/kit';
import { joinSchema } from '$lib/schemas/forms';
import { jsonBody, refusalResponse } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { admitNewBallot } from '$lib/server/limits/limits';
import { setBallotCookie, workshopByCode } from '$lib/server/workshops/participant';
import { ballotCookie, join, type Admission } from '$lib/server/workshops/workshops';
import type { RequestHandler } from './$types';

/** Joins the device to the workshop (or changes its group); the ballot token goes into a cookie. */
export const POST = (async ({ params, request, cookies, getClientAddress, url }) => {
	const input = await jsonBody(request, joinSchema);
	if (input instanceof Response) return input;
	try {
		const workshop = await workshopByCode(getApp().db, getApp().codeThrottle, params.code, { address: getClientAddress(), cookies });
		const admit: Admission = (trx) => admitNewBallot(getApp().admitBallot, trx, workshop.id, getClientAddress());
		const token = await join(getApp().db, workshop, cookies.get(ballotCookie(workshop.id)), input.group, admit);
		setBallotCookie(cookies, workshop.id, token, url.protocol === 'https:');
		return json({ joined: true, group: input.group });
	} catch (err) {
		return refusalResponse(err);
	}
}) satisfies RequestHandler;
