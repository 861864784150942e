import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** The public start page: people without an account join a workshop; staff go on to their work. */
export const load = (({ locals }) => {
	if (locals.user) redirect(303, locals.user.operator ? '/betrieb' : '/m');
	return {};
}) satisfies PageServerLoad;
