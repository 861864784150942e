import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { DEMO, expect, test } from './fixtures';
import { listActions, listEndpoints, listPages, query, toPath } from './routes';

/*
 * Generated access test: every staff page, form action and endpoint, listed from src/routes, is
 * requested by each role that may not use it, by a coordinator of another municipality and
 * without a session. None gets data: 401/403/404 or a redirect to the login, never 2xx.
 * POLICY says who may use what, as the code decides it (requireRole / requireAssessment /
 * requireWorkshop / apiAssessment / apiWorkshop); a route missing from it fails the test, so a
 * new route forces a decision.
 */

type Role = 'coordinator' | 'editor' | 'facilitator';
const ALL: Role[] = ['coordinator', 'editor', 'facilitator'];
const C: Role[] = ['coordinator'];
const CE: Role[] = ['coordinator', 'editor'];
const CF: Role[] = ['coordinator', 'facilitator'];

/**
 * `roles`: members of the route's municipality with these roles may use it. 'user': any logged-in
 * person (own account data only). 'public': participants by join code, health check, login.
 * 'operator': the operator (Betrieb) only — who in turn is a caller for every other route and, being
 * no member, must be refused by every municipality's route.
 * `actions`: per action name, '*' for every action of the page (new actions inherit it).
 */
type Access = Role[] | 'user' | 'public' | 'operator';
type Rule = { page?: Access; get?: Access; post?: Access; patch?: Access; actions?: Record<string, Access> };
const S = '/(app)/(staff)';
const M = `${S}/m/[municipality=id]`;
const A = `${M}/assessments/[assessment=id]`;
const POLICY: Record<string, Rule> = {
	'/(workshop)': { page: 'public' },
	'/(app)/login': { page: 'public', actions: { '*': 'public' } },
	'/(app)/logout': { actions: { '*': 'public' } },
	'/(app)/language': { actions: { '*': 'public' } },
	'/(app)/barrierefreiheit': { page: 'public' },
	'/(workshop)/w': { page: 'public' },
	'/(workshop)/w/language': { page: 'public', actions: { '*': 'public' } },
	'/(workshop)/w/[code]': { page: 'public', actions: { '*': 'public' } },
	'/api/health': { get: 'public' },
	'/api/w/[code]/ballot': { post: 'public' },
	'/api/w/[code]/events': { get: 'public' },
	'/api/w/[code]/ratings': { post: 'public' },
	// `table`: a participant seats the device at a named table (ballot cookie, like `choose`).
	'/(workshop)/w/[code]/group': { page: 'public', actions: { '*': 'public', table: 'public' } },
	'/api/w/[code]/group/events': { get: 'public' },
	// `tables`: the named tables and how participants find their group (coordination and moderation).
	[`${M}/workshops/[workshop=id]/groups`]: { page: ALL, actions: { '*': CF, tables: CF } },
	'/api/workshops/[id=id]/proposals': { get: ALL },
	'/api/workshops/[id=id]/groups/events': { get: ALL },
	// Whoever holds an invitation link may open it; accepting as an existing account asks for its login.
	'/(app)/invitation/[token]': { page: 'public', actions: { '*': 'public' } },
	[`${S}/account`]: { page: 'user', actions: { '*': 'user' } },
	[`${S}/m`]: { page: 'user', actions: { accept: 'user', decline: 'user' } },
	[M]: { page: ALL, actions: { create: C } },
	[`${M}/staff`]: { page: C, actions: { '*': C } },
	[`${M}/catalogues`]: { page: C, actions: { '*': C } },
	[`${M}/catalogues/[catalogue=id]`]: { page: ALL },
	[`${M}/catalogues/drafts/[draft=id]`]: { page: C, actions: { '*': C } },
	[`${M}/catalogues/[catalogue=id]/export`]: { get: ALL },
	[A]: { page: ALL, actions: { assign: C, close: C, reopen: C, startRound: C } },
	[`${A}/progress`]: { page: ALL },
	[`${A}/agreement`]: { page: C, actions: { '*': C } },
	[`${A}/areas/[area=area]`]: { page: CE, actions: { '*': CE } },
	[`${A}/history/[question]`]: { page: CE },
	[`${A}/results`]: { page: ALL },
	[`${A}/gap`]: { page: CF },
	[`${A}/gap/present`]: { page: CF },
	[`${A}/report`]: { page: CF },
	[`${A}/workshops`]: { page: ALL, actions: { create: CF, flags: CF } },
	[`${A}/export.csv`]: { get: C },
	[`${A}/export/areas.csv`]: { get: CF },
	[`${A}/export/ratings.csv`]: { get: CF },
	[`${A}/export/results.xlsx`]: { get: CF },
	[`${A}/measures`]: { page: ALL },
	[`${A}/measures/new`]: { page: C, actions: { '*': C } },
	[`${A}/measures/[measure=id]`]: { page: ALL, actions: { '*': C } },
	[`${A}/measures/plan.docx`]: { get: ALL },
	[`${A}/measures/plan.csv`]: { get: ALL },
	[`${A}/comparison`]: { page: CE },
	[`${M}/settings`]: { page: C, actions: { '*': C } },
	'/api/assessments/[id=id]/comparison': { get: CE },
	'/api/assessments/[id=id]/measures': { get: ALL, post: C },
	'/api/measures/[id=id]': { patch: C },
	[`${M}/workshops/[workshop=id]`]: { page: ALL, actions: { '*': CF } },
	[`${M}/workshops/[workshop=id]/presenter`]: { page: ALL },
	// POST: only coordinators of the named (or previous round's) municipality; tests/rounds.e2e.ts checks it.
	'/api/assessments': { get: 'user', post: 'user' },
	// The municipality comes from ?municipality=ID (or the caller's only one); tests/catalogue-api.e2e.ts
	// checks that only its coordinators may store there.
	'/api/catalogues': { get: 'user', post: 'user' },
	'/api/assessments/[id=id]/answers': { post: CE },
	'/api/assessments/[id=id]/results': { get: ALL },
	'/api/assessments/[id=id]/workshops': { post: CF },
	'/api/workshops/[id=id]/areas': { post: CF },
	'/api/workshops/[id=id]/end': { post: CF },
	'/api/workshops/[id=id]/flags': { post: CF },
	'/api/workshops/[id=id]/events': { get: ALL },
	// The operator's pages; GET /api/municipalities lists the caller's own (all, with stages, for an operator).
	[`${S}/betrieb`]: { page: 'operator', actions: { '*': 'operator' } },
	[`${S}/betrieb/new`]: { page: 'operator', actions: { '*': 'operator' } },
	[`${S}/betrieb/catalogues`]: { page: 'operator', actions: { '*': 'operator' } },
	'/api/municipalities': { get: 'user', post: 'operator' }
};

interface Target {
	label: string;
	routeId: string;
	method: 'GET' | 'POST' | 'PATCH';
	/** Path with `{m}` for the municipality, filled per caller. */
	build: (municipality: number) => string;
	rule: Access;
	kind: 'page' | 'action' | 'endpoint';
}

function targets(fill: (name: string, routeId: string) => string): Target[] {
	const result: Target[] = [];
	const missing: string[] = [];
	const path = (routeId: string, municipality: number) =>
		toPath(routeId, (name, id) => (name === 'municipality' ? String(municipality) : fill(name, id)));
	for (const page of listPages()) {
		const rule = POLICY[page.id]?.page;
		if (!rule) missing.push(`page ${page.id}`);
		else result.push({ label: `GET ${page.id}`, routeId: page.id, method: 'GET', build: (m) => path(page.id, m), rule, kind: 'page' });
	}
	for (const action of listActions()) {
		const rules = POLICY[action.id]?.actions;
		const rule = rules?.[action.name] ?? rules?.['*'];
		const suffix = action.name === 'default' ? '' : `?/${action.name}`;
		if (!rule) missing.push(`action ${action.id}?/${action.name}`);
		else result.push({ label: `POST ${action.id}${suffix}`, routeId: action.id, method: 'POST', build: (m) => path(action.id, m) + suffix, rule, kind: 'action' });
	}
	for (const endpoint of listEndpoints()) {
		const key = endpoint.method === 'GET' ? 'get' : endpoint.method === 'PATCH' ? 'patch' : 'post';
		const rule = POLICY[endpoint.id]?.[key];
		if (!rule || !['GET', 'POST', 'PATCH'].includes(endpoint.method)) missing.push(`${endpoint.method} ${endpoint.id}`);
		else result.push({ label: `${endpoint.method} ${endpoint.id}`, routeId: endpoint.id, method: endpoint.method as 'GET' | 'POST' | 'PATCH', build: (m) => path(endpoint.id, m), rule, kind: 'endpoint' });
	}
	expect(missing, 'routes without an entry in POLICY (tests/access.e2e.ts): decide who may use them').toEqual([]);
	return result;
}

const OUTSIDER = { email: 'koordination@fremdstadt.example', municipality: 'Fremdstadt' };

/** A second municipality with its own coordinator (same password as the demo), written directly. */
function addOtherMunicipality(databasePath: string) {
	const db = new Database(databasePath);
	try {
		db.pragma('busy_timeout = 5000');
		return db.transaction(() => {
			const existing = db.prepare('select id from municipality where name = ?').get(OUTSIDER.municipality) as { id: number } | undefined;
			const now = new Date().toISOString();
			const municipalityId = existing?.id ?? Number(db.prepare('insert into municipality (name, created_at) values (?, ?)').run(OUTSIDER.municipality, now).lastInsertRowid);
			const demo = db.prepare('select * from user where email = ?').get(DEMO.coordinator.email) as Record<string, unknown>;
			if (!db.prepare('select id from user where email = ?').get(OUTSIDER.email)) {
				// Copy the demo coordinator's row (and thus password hash and any further columns).
				const columns = Object.keys(demo).filter((c) => c !== 'id');
				const values = columns.map((c) => (c === 'email' ? OUTSIDER.email : c === 'name' ? 'Fremde Koordination' : demo[c]));
				const userId = db.prepare(`insert into user (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`).run(...values).lastInsertRowid;
				const membership = db.prepare('select * from membership where user_id = ?').get(demo.id) as Record<string, unknown>;
				const mColumns = Object.keys(membership);
				const mValues = mColumns.map((c) => (c === 'user_id' ? userId : c === 'municipality_id' ? municipalityId : c === 'role' ? 'coordinator' : membership[c]));
				db.prepare(`insert into membership (${mColumns.map((c) => `"${c}"`).join(', ')}) values (${mColumns.map(() => '?').join(', ')})`).run(...mValues);
			}
			// A catalogue imported by Musterstadt, so catalogue routes have a foreign id to try.
			const shipped = db.prepare('select * from catalogue where municipality_id is null order by id').get() as Record<string, unknown>;
			const demoMunicipality = (db.prepare('select municipality_id from membership where user_id = ?').get(demo.id) as { municipality_id: number }).municipality_id;
			let own = db.prepare("select id from catalogue where municipality_id = ? and version = 'access-test'").get(demoMunicipality) as { id: number } | undefined;
			if (!own) {
				const cColumns = Object.keys(shipped).filter((c) => c !== 'id');
				const cValues = cColumns.map((c) => (c === 'municipality_id' ? demoMunicipality : c === 'version' ? 'access-test' : shipped[c]));
				own = { id: Number(db.prepare(`insert into catalogue (${cColumns.map((c) => `"${c}"`).join(', ')}) values (${cColumns.map(() => '?').join(', ')})`).run(...cValues).lastInsertRowid) };
			}
			// A draft of the next catalogue version, so the editor's routes have a foreign id to try.
			const draft = Number(
				db.prepare('insert into catalogue_draft (municipality_id, based_on, content, created_at, updated_at) values (?, ?, ?, ?, ?)')
					.run(demoMunicipality, own.id, shipped.content, now, now).lastInsertRowid
			);
			return { outsiderMunicipality: municipalityId, demoMunicipality, catalogue: own.id, draft };
		})();
	} finally {
		db.close();
	}
}

async function session(baseURL: string, email?: string, password = DEMO.coordinator.password): Promise<APIRequestContext> {
	const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
	if (email) {
		const response = await api.post('/login', { headers: { accept: 'text/html' }, form: { email, password }, maxRedirects: 0 });
		expect(response.status(), `login ${email}`).toBe(303);
		expect(response.headers()['location'], `login ${email}`).not.toContain('/login');
	}
	return api;
}

const DENIED = [401, 403, 404];

test('access: no role without the right, no other municipality and no anonymous caller gets data from a staff route', async ({ server }) => {
	test.setTimeout(240_000);
	const setup = addOtherMunicipality(server.databasePath);
	const ids = query(server.databasePath, (db) => {
		const assessment = db.prepare('select id from assessment where municipality_id = ? order by id').get(setup.demoMunicipality) as { id: number };
		const workshop = db
			.prepare('select w.id, w.code from workshop w join assessment a on a.id = w.assessment_id where a.municipality_id = ? order by w.id')
			.get(setup.demoMunicipality) as { id: number; code: string };
		const measure = db.prepare('select id from measure where assessment_id = ? order by id').get(assessment.id) as { id: number };
		return { assessment: assessment.id, workshop: workshop.id, code: workshop.code, measure: measure.id };
	});
	const fill = (name: string, routeId: string): string => {
		switch (name) {
			case 'assessment': return String(ids.assessment);
			case 'workshop': return String(ids.workshop);
			case 'catalogue': return String(setup.catalogue);
			case 'draft': return String(setup.draft);
			case 'code': return ids.code;
			case 'area': return '1';
			case 'question': return '1.01';
			case 'token': return 'no-such-invitation-token-0000000000000000000';
			case 'measure': return String(ids.measure);
			case 'id': return String(routeId.includes('/workshops/') ? ids.workshop : routeId.includes('/measures/') ? ids.measure : ids.assessment);
			default: throw new Error(`tests/access.e2e.ts: no value for [${name}] in ${routeId}`);
		}
	};
	const all = targets(fill);

	const callers: { name: string; role: Role | null; api: APIRequestContext; municipalities: number[] }[] = [
		{ name: 'anonymous', role: null, api: await session(server.url), municipalities: [setup.demoMunicipality] },
		{ name: 'editor', role: 'editor', api: await session(server.url, DEMO.editor.email), municipalities: [setup.demoMunicipality] },
		{ name: 'facilitator', role: 'facilitator', api: await session(server.url, 'moderation@musterstadt.example'), municipalities: [setup.demoMunicipality] },
		// The other municipality's coordinator: with Musterstadt's id in the path, and with their own
		// municipality's id but Musterstadt's assessment, workshop and catalogue ids.
		{ name: 'other municipality', role: null, api: await session(server.url, OUTSIDER.email), municipalities: [setup.demoMunicipality, setup.outsiderMunicipality] },
		// The operator is no member: every municipality's route refuses them like an outsider.
		{ name: 'operator', role: null, api: await session(server.url, DEMO.operator.email, DEMO.operator.password), municipalities: [setup.demoMunicipality] },
		// The demo coordinator is allowed everything of Musterstadt; checked here against the operator's routes.
		{ name: 'coordinator', role: 'coordinator', api: await session(server.url, DEMO.coordinator.email), municipalities: [setup.demoMunicipality] }
	];
	const coordinator = await session(server.url, DEMO.coordinator.email);
	const operator = callers.find((c) => c.name === 'operator')!.api;

	const leaks: string[] = [];
	let checked = 0;
	for (const target of all) {
		if (target.rule === 'public') continue;
		for (const caller of callers) {
			const isOutsider = caller.name === 'other municipality';
			if (target.rule === 'user' && caller.role !== null) continue; // own account data
			if (target.rule === 'user' && (isOutsider || caller.name === 'operator')) continue;
			if (target.rule === 'operator' && caller.name === 'operator') continue;
			if (Array.isArray(target.rule) && caller.role && target.rule.includes(caller.role)) continue;
			for (const municipality of caller.municipalities) {
				const path = target.build(municipality);
				// Own municipality, no foreign id in the path: the outsider's own data, not a leak.
				if (municipality === setup.outsiderMunicipality && !/\[(?!municipality)[^\]]+\]/.test(target.routeId)) continue;
				const response = await caller.api.fetch(path, {
					method: target.method,
					headers: {
						accept: target.kind === 'action' ? 'text/html' : '*/*',
						...(target.method !== 'GET' ? { 'content-type': target.kind === 'endpoint' ? 'application/json' : 'application/x-www-form-urlencoded' } : {})
					},
					data: target.method !== 'GET' ? (target.kind === 'endpoint' ? '{}' : 'probe=1') : undefined,
					maxRedirects: 0,
					failOnStatusCode: false,
					timeout: 10_000
				});
				checked++;
				const status = response.status();
				const toLogin = status === 303 && (response.headers()['location'] ?? '').startsWith('/login');
				if (!DENIED.includes(status) && !(caller.role === null && !isOutsider && toLogin)) {
					leaks.push(`${caller.name}: ${target.method} ${path} → ${status}`);
				}
			}
		}
	}

	// The lists open to every user show only the caller's own municipalities.
	const outsider = callers[3]!.api;
	const own = await outsider.get('/api/assessments');
	expect(own.status()).toBe(200);
	expect(await own.text()).not.toContain(DEMO.municipality);
	const chooser = await outsider.get('/m');
	expect(await chooser.text()).not.toContain(DEMO.municipality);

	// And the table is not all "no": the coordinator gets every page and GET endpoint (except streams).
	// (The comparison API answers 409 until the municipality opts in: tests/comparison.e2e.ts.)
	for (const target of all.filter((t) => t.method === 'GET' && Array.isArray(t.rule) && !t.routeId.endsWith('/events') && !t.routeId.endsWith('/comparison'))) {
		const response = await coordinator.get(target.build(setup.demoMunicipality), { maxRedirects: 0 });
		expect(response.status(), `coordinator ${target.label}`).toBe(200);
	}

	// The operator gets their own pages.
	for (const target of all.filter((t) => t.method === 'GET' && t.rule === 'operator')) {
		const response = await operator.get(target.build(setup.demoMunicipality), { maxRedirects: 0 });
		expect(response.status(), `operator ${target.label}`).toBe(200);
	}

	console.log(`access: ${checked} denied requests over ${all.length} routes/actions, ${leaks.length} leaks`);
	expect(leaks).toEqual([]);
	for (const caller of callers) await caller.api.dispose();
	await coordinator.dispose();
});
