import { redirect } from '@sveltejs/kit';
import { LANGUAGE_COOKIE } from '$lib/i18n/staff';
import { parseForm, readForm } from '$lib/server/http/forms';
import { safeRedirectPath } from '$lib/domain/redirect';
import { languageSchema } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => {
	redirect(303, '/');
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies }) => {
		const parsed = parseForm(languageSchema, await readForm(request));
		if (parsed.ok) {
			cookies.set(LANGUAGE_COOKIE, parsed.data.language, {
				path: '/',
				httpOnly: false,
				sameSite: 'lax',
				maxAge: 60 * 60 * 24 * 365
			});
		}
		redirect(303, safeRedirectPath(parsed.ok ? parsed.data.redirectTo : undefined, '/'));
	}
} satisfies Actions;
