import type { Page } from '@playwright/test';
import { DEMO, expect, login, unique } from './fixtures';
import { listPages, query, toPath } from './routes';

/* The pages the accessibility tests visit: every page of src/routes, with the demo's ids filled in. */

export interface Ids {
	assessment: number;
	workshop: number;
	code: string;
	catalogue: number;
	draft: number;
	measure: number;
}

/** A page to visit: its URL with the demo's ids, and its route id; `operator`: visited as the demo operator (Betrieb). */
export type Visit = { path: string; label: string; operator?: boolean };

export function staffPages(ids: Ids): Visit[] {
	const fill = (name: string, routeId: string): string => {
		switch (name) {
			case 'municipality': return '1';
			case 'assessment': return String(ids.assessment);
			case 'workshop': return String(ids.workshop);
			case 'catalogue': return String(ids.catalogue);
			case 'area': return '3';
			case 'question': return '1.01';
			case 'token': return 'no-such-invitation-token-0000000000000000000';
			case 'draft': return String(ids.draft);
			case 'measure': return String(ids.measure);
			default: throw new Error(`tests/a11y-all.e2e.ts: no value for [${name}] in ${routeId}`);
		}
	};
	return listPages()
		.filter((p) => !p.id.startsWith('/(workshop)'))
		.map((p) => ({ path: toPath(p.id, fill), label: p.id, operator: p.id.startsWith('/(app)/(staff)/betrieb') }));
}

export const WORKSHOP_PAGES = ['/(workshop)', '/(workshop)/w', '/(workshop)/w/[code]', '/(workshop)/w/[code]/group'];

/** The demo's ids, and a live workshop with areas 1 and 2 open (the demo's workshop is finished). */
export async function setup(page: Page, databasePath: string) {
	const demo = query(databasePath, (db) => {
		const w = db.prepare('select id, code, assessment_id from workshop order by id').get() as { id: number; code: string; assessment_id: number };
		const c = db.prepare('select id from catalogue order by id').get() as { id: number };
		const m = db.prepare('select id from measure where assessment_id = ? order by id').get(w.assessment_id) as { id: number };
		return { assessment: w.assessment_id, workshop: w.id, code: w.code, catalogue: c.id, measure: m.id };
	});
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	// A catalogue draft, so the editor's page is visited too.
	const drafted = await page.request.post('/m/1/catalogues?/draft', {
		headers: { accept: 'text/html', origin: new URL(page.url()).origin },
		form: { catalogueId: demo.catalogue },
		maxRedirects: 0
	});
	const draft = Number(/\/drafts\/(\d+)/.exec(drafted.headers()['location'] ?? '')?.[1]);
	expect(draft, 'draft created').toBeGreaterThan(0);
	const ids: Ids = { ...demo, draft };
	const created = await page.request.post(`/api/assessments/${ids.assessment}/workshops`, { data: { title: unique('Barrierefrei'), areas: [1, 2, 3, 4, 5, 6, 7] } });
	expect(created.status()).toBe(201);
	const live = (await created.json()) as { id: number; code: string };
	expect((await page.request.post(`/api/workshops/${live.id}/areas`, { data: { areas: [1, 2], open: true } })).status()).toBe(200);
	return { ids, live };
}

