import { building } from '$app/environment';
import { getApp } from '$lib/server/platform/app';
import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => ({
	lang: locals.lang,
	legal: legalLinks(),
	user: locals.user ? { name: locals.user.name, email: locals.user.email, operator: locals.user.operator } : null
})) satisfies LayoutServerLoad;

/** The footer's links to the legal pages; a page that is not configured gets no link. */
function legalLinks(): { imprint?: string; privacy?: string; accessibility?: string } {
	if (building) return { accessibility: '/barrierefreiheit' };
	const { IMPRESSUM_URL, DATENSCHUTZ_URL, BARRIEREFREIHEIT_URL } = getApp().config;
	// The accessibility statement always exists: the municipality's own page, or the app's /barrierefreiheit.
	return { imprint: IMPRESSUM_URL, privacy: DATENSCHUTZ_URL, accessibility: BARRIEREFREIHEIT_URL ?? '/barrierefreiheit' };
}
