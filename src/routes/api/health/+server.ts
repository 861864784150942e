import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { storeIsHealthy } from '$lib/server/platform/health';
import type { RequestHandler } from './$types';

export const GET = (async () => {
	if (await storeIsHealthy(getApp().db)) return json({ status: 'ok' });
	return json({ status: 'unavailable' }, { status: 503 });
}) satisfies RequestHandler;
