import { redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import * as municipalities from '$lib/server/db/municipalities';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const memberships = await municipalities.listMembershipsOf(getApp().db, locals.user!.id);
	if (memberships.length === 1) redirect(303, `/m/${memberships[0]!.municipalityId}`);
	return { memberships };
}) satisfies PageServerLoad;
