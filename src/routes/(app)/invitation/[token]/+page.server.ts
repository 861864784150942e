import { fail, redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { getApp } from '$lib/server/platform/app';
import { parseForm, readForm } from '$lib/server/http/forms';
import * as invitations from '$lib/server/accounts/invitations';
import { hashPassword } from '$lib/server/accounts/passwords';
import { Refusal } from '$lib/server/http/refusal';
import { SESSION_COOKIE, createSession } from '$lib/server/accounts/sessions';
import { invitationAcceptSchema } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

/**
 * The one-time invitation link. A new person sets name and password here and is logged in; a person
 * whose address already has an account must log in with it first (the link alone never opens an
 * existing account), then accepts here or on /m.
 */
export const load = (async ({ params, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	const invitation = await invitations.findByToken(getApp().db, params.token);
	if (!invitation) return { invitation: null, mine: false, loginHref: '' };
	return {
		invitation: { email: invitation.email, role: invitation.role, municipalityName: invitation.municipalityName },
		mine: locals.user?.email === invitation.email,
		loginHref: `/login?redirectTo=${encodeURIComponent(`/invitation/${params.token}`)}`
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ params, request, cookies, url }) => {
		const { db, config } = getApp();
		// Read the body first (answering before it would reset the client's connection), then check the
		// token before the (deliberately slow) password hash runs.
		const form = await readForm(request);
		if (!(await invitations.findByToken(db, params.token))) return fail(404, { error: 'invitationInvalid', values: {}, errors: {} });
		const parsed = parseForm(invitationAcceptSchema, form);
		if (!parsed.ok) return fail(400, { error: null, values: parsed.values, errors: parsed.errors });
		let accepted: { userId: number; municipalityId: number };
		try {
			accepted = await invitations.acceptWithNewAccount(db, params.token, {
				name: parsed.data.name,
				passwordHash: await hashPassword(parsed.data.password)
			});
		} catch (err) {
			if (err instanceof Refusal) return fail(err.status, { error: err.code, values: { name: parsed.data.name }, errors: {} });
			throw err;
		}
		const session = await createSession(db, accepted.userId, config.SESSION_HOURS);
		cookies.set(SESSION_COOKIE, session.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: !dev && url.protocol === 'https:',
			expires: session.expiresAt
		});
		redirect(303, `/m/${accepted.municipalityId}`);
	},

	accept: async ({ params, locals, request }) => {
		await readForm(request); // drained (the form carries nothing), so a refusal never resets the connection
		const { db } = getApp();
		const invitation = await invitations.findByToken(db, params.token);
		if (!locals.user) return fail(401, { error: 'invitationNeedsLogin', values: {}, errors: {} });
		if (!invitation || invitation.email !== locals.user.email) return fail(404, { error: 'invitationInvalid', values: {}, errors: {} });
		const municipalityId = await invitations.acceptAsUser(db, locals.user, invitation.id);
		redirect(303, `/m/${municipalityId}`);
	},

	decline: async ({ params, locals, request }) => {
		await readForm(request); // drained (the form carries nothing), so a refusal never resets the connection
		const { db } = getApp();
		const invitation = await invitations.findByToken(db, params.token);
		if (!locals.user) return fail(401, { error: 'invitationNeedsLogin', values: {}, errors: {} });
		if (!invitation || invitation.email !== locals.user.email) return fail(404, { error: 'invitationInvalid', values: {}, errors: {} });
		await invitations.declineAsUser(db, locals.user, invitation.id);
		redirect(303, '/m?declined=1');
	}
} satisfies Actions;
