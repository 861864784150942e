import { redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { SESSION_COOKIE, invalidateSession } from '$lib/server/accounts/sessions';
import { drainBody } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => {
	redirect(303, '/login');
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ cookies, request }) => {
		await drainBody(request);
		const token = cookies.get(SESSION_COOKIE);
		if (token) await invalidateSession(getApp().db, token);
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/login?loggedOut=1');
	}
} satisfies Actions;
