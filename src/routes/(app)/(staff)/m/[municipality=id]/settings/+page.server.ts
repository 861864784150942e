import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/app';
import { comparisonSettings, setComparisonOptIn } from '$lib/server/results/comparison';
import { drainBody } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const { municipalityId } = requireRole(locals, 'coordinator');
	const { db } = getApp();
	const settings = await comparisonSettings(db, municipalityId);
	if (!settings) error(404, 'notFound');
	return settings;
}) satisfies PageServerLoad;

export const actions = {
	/** Opts the municipality in: its latest closed round counts, and it sees the comparison. */
	join: async ({ locals, request }) => {
		await drainBody(request);
		const { municipalityId } = requireRole(locals, 'coordinator');
		await setComparisonOptIn(getApp().db, municipalityId, true);
		return { changed: 'joined' as const };
	},
	/** Opts out at once: it no longer sees the comparison and enters no new snapshot. */
	leave: async ({ locals, request }) => {
		await drainBody(request);
		const { municipalityId } = requireRole(locals, 'coordinator');
		await setComparisonOptIn(getApp().db, municipalityId, false);
		return { changed: 'left' as const };
	}
} satisfies Actions;
