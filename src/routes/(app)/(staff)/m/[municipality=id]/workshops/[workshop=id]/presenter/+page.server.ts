import { getApp } from '$lib/server/platform/app';
import { requireWorkshop } from '$lib/server/http/assessment-access';
import { joinLines } from '$lib/server/workshops/join-lines';
import { plenaryItems } from '$lib/server/groups/plenary-items';
import { joinUrl, qrSvg } from '$lib/server/workshops/qr';
import { workshopState } from '$lib/server/workshops/workshops';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const { workshop } = await requireWorkshop(getApp().db, locals, params.workshop);
	const { db, config } = getApp();
	const link = joinUrl(config.ORIGIN ?? url.origin, workshop.code);
	return {
		workshop: { id: workshop.id, title: workshop.title, code: workshop.code, status: workshop.status },
		state: await workshopState(db, workshop),
		link,
		joinLines: joinLines(workshop, `${link.replace(/^https?:\/\//, '').replace(/\/w\/.*$/, '')}/w`, locals.lang),
		qr: await qrSvg(link),
		/** The item-level slides for the plenary, one or two per area. */
		items: await plenaryItems(db, workshop, locals.lang)
	};
}) satisfies PageServerLoad;
