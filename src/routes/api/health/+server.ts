import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { getApp } from '$lib/server/platform/app';
import type { RequestHandler } from './$types';

export const GET = (async () => {
	try {
		await sql`select 1`.execute(getApp().db);
		return json({ status: 'ok' });
	} catch {
		return json({ status: 'unavailable' }, { status: 503 });
	}
}) satisfies RequestHandler;
