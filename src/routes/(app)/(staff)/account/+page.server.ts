import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import * as users from '$lib/server/db/users';
import { parseForm, readForm } from '$lib/server/forms';
import { hashPassword, verifyPassword } from '$lib/server/passwords';
import { passwordChangeSchema } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => ({})) satisfies PageServerLoad;

export const actions = {
	password: async ({ locals, request }) => {
		const { db } = getApp();
		const parsed = parseForm(passwordChangeSchema, await readForm(request));
		if (!parsed.ok) return fail(400, { errors: parsed.errors, changed: false });
		const user = await users.findUser(db, locals.user!.id);
		if (!user || !(await verifyPassword(parsed.data.current, user.password_hash))) {
			return fail(400, { errors: { current: 'currentPasswordWrong' }, changed: false });
		}
		await users.setPasswordHash(db, user.id, await hashPassword(parsed.data.next));
		return { errors: {}, changed: true };
	}
} satisfies Actions;
