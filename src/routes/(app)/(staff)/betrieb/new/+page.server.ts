import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { createMunicipality, municipalitiesWithoutMembers, reinviteCoordinator, requireOperator } from '$lib/server/operator/operator';
import { Refusal } from '$lib/server/http/refusal';
import { municipalityCreateSchema, reinviteSchema } from '$lib/schemas/municipality';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	requireOperator(locals);
	return { withoutMembers: await municipalitiesWithoutMembers(getApp().db) };
}) satisfies PageServerLoad;

function linkOf(token: string, url: URL): string {
	return new URL(`/invitation/${token}`, getApp().config.ORIGIN ?? url.origin).href;
}

export const actions = {
	/** Creates the municipality and shows its coordinator's invitation link once. */
	create: async ({ locals, request, url }) => {
		const { userId } = requireOperator(locals);
		const form = await readForm(request);
		const parsed = parseForm(municipalityCreateSchema, form);
		if (!parsed.ok) return fail(400, { action: 'create' as const, values: parsed.values, errors: parsed.errors });
		try {
			const created = await createMunicipality(getApp().db, parsed.data, userId);
			return {
				action: 'create' as const,
				created: { name: created.name, email: created.invitation.email, link: linkOf(created.invitation.token, url), expiresAt: created.invitation.expiresAt }
			};
		} catch (err) {
			if (!(err instanceof Refusal)) throw err;
			const field = err.code === 'municipalityNameTaken' ? 'name' : 'coordinatorEmail';
			return fail(err.status, { action: 'create' as const, values: formValues(municipalityCreateSchema, form), errors: { [field]: err.code } });
		}
	},
	/** Invites the first coordinator again, while nobody works in the municipality. */
	reinvite: async ({ locals, request, url }) => {
		const { userId } = requireOperator(locals);
		const form = await readForm(request);
		const parsed = parseForm(reinviteSchema, form);
		if (!parsed.ok) return fail(400, { action: 'reinvite' as const, values: parsed.values, errors: parsed.errors });
		try {
			const done = await reinviteCoordinator(getApp().db, { municipalityId: parsed.data.municipalityId, email: parsed.data.coordinatorEmail }, userId);
			return {
				action: 'reinvite' as const,
				created: { name: done.name, email: done.invitation.email, link: linkOf(done.invitation.token, url), expiresAt: done.invitation.expiresAt }
			};
		} catch (err) {
			if (!(err instanceof Refusal)) throw err;
			const field = err.code === 'municipalityHasMembers' ? 'municipalityId' : 'coordinatorEmail';
			return fail(err.status, { action: 'reinvite' as const, values: formValues(reinviteSchema, form), errors: { [field]: err.code } });
		}
	}
} satisfies Actions;
