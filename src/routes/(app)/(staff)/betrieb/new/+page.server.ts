import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { parseForm, readForm } from '$lib/server/forms';
import { INVITATION_DAYS } from '$lib/server/invitations';
import { createMunicipality, requireOperator } from '$lib/server/operator';
import { Refusal } from '$lib/server/refusal';
import { municipalityCreateSchema } from '$lib/schemas/municipality';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals }) => {
	requireOperator(locals);
	return {};
}) satisfies PageServerLoad;

export const actions = {
	/** Creates the municipality and shows its coordinator's invitation link once. */
	default: async ({ locals, request, url }) => {
		const { userId } = requireOperator(locals);
		const { db, config } = getApp();
		const form = await readForm(request);
		const parsed = parseForm(municipalityCreateSchema, form);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		try {
			const created = await createMunicipality(db, parsed.data, userId);
			const link = new URL(`/invitation/${created.invitation.token}`, config.ORIGIN ?? url.origin).href;
			return {
				created: { id: created.id, name: created.name, email: created.invitation.email, link, expiresAt: created.invitation.expiresAt, days: INVITATION_DAYS }
			};
		} catch (err) {
			if (err instanceof Refusal) {
				const field = err.code === 'municipalityNameTaken' ? 'name' : 'coordinatorEmail';
				const values = Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
				return fail(err.status, { values, errors: { [field]: err.code } });
			}
			throw err;
		}
	}
} satisfies Actions;
