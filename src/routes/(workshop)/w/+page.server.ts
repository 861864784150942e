import { redirect } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/domain/joincode';
import type { PageServerLoad } from './$types';

/** The code entry page; a submitted code (GET, works without JavaScript) leads to its workshop. */
export const load = (({ url }) => {
	const typed = url.searchParams.get('code');
	if (typed === null) return { typed: '', invalid: false };
	const code = normaliseJoinCode(typed);
	if (code) redirect(303, `/w/${code}`);
	return { typed: typed.slice(0, 12), invalid: true };
}) satisfies PageServerLoad;
