import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => ({
	lang: locals.lang,
	user: locals.user ? { name: locals.user.name, email: locals.user.email } : null
})) satisfies LayoutServerLoad;
