import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/domain/redirect';
import { PARTICIPANT_LANGUAGE_COOKIE } from '$lib/i18n/participant/languages';
import { participantLanguageSchema } from '$lib/schemas/forms';
import { parseForm, readForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => {
	redirect(303, '/w');
}) satisfies PageServerLoad;

/** The participant's language choice: a plain form post, so it works without JavaScript. */
export const actions = {
	default: async ({ request, cookies, url }) => {
		const parsed = parseForm(participantLanguageSchema, await readForm(request));
		if (parsed.ok) {
			cookies.set(PARTICIPANT_LANGUAGE_COOKIE, parsed.data.language, {
				path: '/',
				httpOnly: false,
				sameSite: 'lax',
				secure: url.protocol === 'https:',
				maxAge: 60 * 60 * 24 * 365
			});
		}
		redirect(303, safeRedirectPath(parsed.ok ? parsed.data.redirectTo : undefined, '/w'));
	}
} satisfies Actions;
