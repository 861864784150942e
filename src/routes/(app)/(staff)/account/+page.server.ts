import { fail } from '@sveltejs/kit';
import { changeOwnPassword } from '$lib/server/accounts/account';
import { getApp } from '$lib/server/platform/app';
import { parseForm, readForm } from '$lib/server/http/forms';
import { SESSION_COOKIE } from '$lib/server/accounts/sessions';
import { passwordChangeSchema } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals }) => ({ mustChangePassword: locals.user?.mustChangePassword ?? false })) satisfies PageServerLoad;

export const actions = {
	password: async ({ locals, request, cookies }) => {
		const parsed = parseForm(passwordChangeSchema, await readForm(request));
		if (!parsed.ok) return fail(400, { errors: parsed.errors, changed: false });
		const outcome = await changeOwnPassword(getApp().db, locals.user!.id, parsed.data, cookies.get(SESSION_COOKIE));
		if (!outcome.ok) return fail(400, { errors: { [outcome.field]: outcome.error }, changed: false });
		return { errors: {}, changed: true };
	}
} satisfies Actions;
