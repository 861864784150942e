import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { membershipsOf } from '$lib/server/accounts/memberships';
import { parseForm, readForm } from '$lib/server/http/forms';
import * as invitations from '$lib/server/accounts/invitations';
import { Refusal } from '$lib/server/http/refusal';
import { invitationTargetSchema } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const { db } = getApp();
	const user = locals.user!;
	const memberships = await membershipsOf(db, user.id);
	// Invitations to this person's own address wait here until accepted or declined.
	const pending = (await invitations.listInvitationsFor(db, user.email)).map(({ id, municipalityName, role, expiresAt }) => ({
		id,
		municipalityName,
		role,
		expiresAt
	}));
	const declined = url.searchParams.has('declined');
	if (memberships.length === 1 && pending.length === 0 && !declined) redirect(303, `/m/${memberships[0]!.municipalityId}`);
	// An operator belongs to no municipality by that role: nothing to choose here, the overview is theirs.
	if (user.operator && memberships.length === 0 && pending.length === 0 && !declined) redirect(303, '/betrieb');
	return { memberships, invitations: pending, declined };
}) satisfies PageServerLoad;

async function answer(locals: App.Locals, request: Request, run: (user: { id: number; email: string }, id: number) => Promise<unknown>) {
	const parsed = parseForm(invitationTargetSchema, await readForm(request));
	if (!parsed.ok) return { problem: fail(400, { error: 'invitationInvalid' as const }) };
	try {
		return { result: await run(locals.user!, parsed.data.invitationId) };
	} catch (err) {
		if (err instanceof Refusal) return { problem: fail(err.status, { error: 'invitationInvalid' as const }) };
		throw err;
	}
}

export const actions = {
	accept: async ({ locals, request }) => {
		const outcome = await answer(locals, request, (user, id) => invitations.acceptAsUser(getApp().db, user, id));
		if (outcome.problem) return outcome.problem;
		redirect(303, `/m/${outcome.result as number}`);
	},
	decline: async ({ locals, request }) => {
		const outcome = await answer(locals, request, (user, id) => invitations.declineAsUser(getApp().db, user, id));
		if (outcome.problem) return outcome.problem;
		// Shown by the chooser, which otherwise sends a person with one municipality straight on.
		redirect(303, '/m?declined=1');
	}
} satisfies Actions;
