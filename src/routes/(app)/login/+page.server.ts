import { fail, redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { getApp } from '$lib/server/app';
import * as users from '$lib/server/db/users';
import { parseForm, readForm } from '$lib/server/forms';
import { DUMMY_HASH, verifyPassword } from '$lib/server/passwords';
import { safeRedirectPath } from '$lib/server/redirects';
import { SESSION_COOKIE, createSession } from '$lib/server/sessions';
import { loginSchema } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo'), '/m'));
	return { redirectTo: url.searchParams.get('redirectTo') ?? '' };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const { db, config, loginThrottle } = getApp();
		const form = await readForm(request);
		const parsed = parseForm(loginSchema, form);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors, message: null, minutes: 0 });

		const email = users.normaliseEmail(parsed.data.email);
		// The address is only held in memory for the throttle, never stored.
		const address = getClientAddress();
		const wait = Math.max(loginThrottle.account.retryAfter(email), loginThrottle.address.retryAfter(address));
		if (wait > 0) {
			return fail(429, { values: { email }, errors: {}, message: 'tooManyAttempts', minutes: Math.ceil(wait / 60_000) });
		}

		const user = await users.findUserByEmail(db, email);
		const valid = await verifyPassword(parsed.data.password, user?.password_hash ?? DUMMY_HASH);
		if (!user || !valid || user.active !== 1) {
			loginThrottle.account.recordFailure(email);
			loginThrottle.address.recordFailure(address);
			return fail(400, { values: { email }, errors: {}, message: 'invalidCredentials', minutes: 0 });
		}
		loginThrottle.account.recordSuccess(email);

		const session = await createSession(db, user.id, config.SESSION_HOURS);
		cookies.set(SESSION_COOKIE, session.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: !dev && url.protocol === 'https:',
			expires: session.expiresAt
		});
		redirect(303, safeRedirectPath(String(form.get('redirectTo') ?? ''), '/m'));
	}
} satisfies Actions;
