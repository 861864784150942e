import { fail, redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { getApp } from '$lib/server/platform/app';
import { parseForm, readForm } from '$lib/server/http/forms';
import { attemptLogin, lockedOutByDeactivation, normaliseEmail } from '$lib/server/accounts/login';
import { safeRedirectPath } from '$lib/domain/redirect';
import { SESSION_COOKIE, createSession } from '$lib/server/accounts/sessions';
import { loginSchema } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

/** Where a login lands without a `redirectTo`: an operator on the overview, everyone else on their municipalities. */
function homeOf(user: { operator: boolean }): string {
	return user.operator ? '/betrieb' : '/m';
}

export const load = (({ locals, url }) => {
	if (locals.user) redirect(303, locals.user.mustChangePassword ? '/account' : safeRedirectPath(url.searchParams.get('redirectTo'), homeOf(locals.user)));
	return { redirectTo: url.searchParams.get('redirectTo') ?? '' };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const { db, config, loginThrottle } = getApp();
		const form = await readForm(request);
		const parsed = parseForm(loginSchema, form);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors, message: null, minutes: 0 });

		const email = normaliseEmail(parsed.data.email);
		// The address is only held in memory for the throttle, never stored.
		const outcome = await attemptLogin(db, loginThrottle, { email, password: parsed.data.password, address: getClientAddress() });
		if (!outcome.ok && outcome.reason === 'tooManyAttempts') {
			return fail(429, { values: { email }, errors: {}, message: 'tooManyAttempts', minutes: Math.ceil(outcome.retryAfterMs / 60_000) });
		}
		if (!outcome.ok) return fail(400, { values: { email }, errors: {}, message: 'invalidCredentials', minutes: 0 });
		const user = outcome.user;
		// Checked after the password, so it tells nothing to someone who does not know it.
		if (await lockedOutByDeactivation(db, user)) {
			return fail(403, { values: { email }, errors: {}, message: 'municipalityDeactivated', minutes: 0 });
		}

		const session = await createSession(db, user.id, config.SESSION_HOURS);
		cookies.set(SESSION_COOKIE, session.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: !dev && url.protocol === 'https:',
			expires: session.expiresAt
		});
		// A one-time password is replaced before anything else.
		if (user.must_change_password === 1) redirect(303, '/account');
		redirect(303, safeRedirectPath(String(form.get('redirectTo') ?? ''), homeOf({ operator: user.operator === 1 })));
	}
} satisfies Actions;
