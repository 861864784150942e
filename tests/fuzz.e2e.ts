import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { DEMO, expect, test } from './fixtures';
import { listActions, listEndpoints, query, rowCounts, toPath, type Action, type Endpoint } from './routes';

/*
 * Findings 11, 12, 14: every form action and JSON endpoint, listed from src/routes at test time,
 * gets bodies no browser would send. None may answer 5xx, and no row may be written.
 * Actions and endpoints that never read the request (logout, close, end, …) cannot be reached by a
 * body; they are listed and skipped, because calling them would change state by design.
 */

const MB = 'x'.repeat(1024 * 1024);
const KB100 = 'y'.repeat(100 * 1024);
const CONTROL = 'A\u0000B\u0007C\u001bD\u007f';
const MANY = 100_000;

/** Every field name the app's forms and JSON bodies use; unknown names are ignored by the app. */
const FIELDS = [
	'email', 'password', 'redirectTo', 'language', 'current', 'next', 'confirm', 'name', 'role', 'userId',
	'catalogueId', 'title', 'heldOn', 'groups', 'k', 'areas', 'area', 'level', 'group', 'assign', 'questionId',
	'value', 'comment', 'evidence', 'reason', 'version', 'open', 'file', 'level-1', 'value:1.01', 'comment:1.01',
	'evidence:1.01', 'token', 'decision', 'municipalityId', 'kind', 'land', 'populationBand', 'ags', 'coordinatorEmail'
];

type Body = { contentType?: string; data: string | Buffer };

function urlencoded(entries: [string, string][]): Body {
	return { contentType: 'application/x-www-form-urlencoded', data: new URLSearchParams(entries).toString() };
}

function multipart(entries: [string, string][], boundary = 'fuzzBoundary'): Body {
	const parts = entries.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
	return { contentType: `multipart/form-data; boundary=${boundary}`, data: parts.join('') + `--${boundary}--\r\n` };
}

/** Hostile form bodies: each one is refused by every action that reads it. */
const formBodies: Record<string, Body> = {
	'text/plain': { contentType: 'text/plain', data: 'email=a@b.de&password=x' },
	'no content type': { data: 'garbage' },
	'application/json': { contentType: 'application/json', data: '{"email":"a@b.de"}' },
	'multipart without boundary': { contentType: 'multipart/form-data', data: 'garbage' },
	'broken multipart': { contentType: 'multipart/form-data; boundary=abc', data: '--abc\r\nContent-Disposition: form-data; name="x"\r\n\r\nunterminated' },
	'multipart, wrong boundary': { contentType: 'multipart/form-data; boundary=abc', data: multipart([['title', 'x']], 'other').data },
	// A parseable form must still carry a hostile value in every field: an empty form is a legal
	// request for some actions (no group joins, no checkbox unassigns).
	'urlencoded, broken escapes': {
		contentType: 'application/x-www-form-urlencoded',
		data: '%%%&=%E0%A4%A&' + FIELDS.map((f) => `${encodeURIComponent(f)}=%ZZ%00%E0%A4`).join('&')
	},
	'control characters in every field': urlencoded(FIELDS.map((f) => [f, CONTROL])),
	'control characters, multipart': multipart(FIELDS.map((f) => [f, CONTROL])),
	'100 KB in every field': urlencoded(FIELDS.map((f) => [f, KB100])),
	'1 MB in names and titles': urlencoded([['title', MB], ['name', MB], ['group', MB], ...FIELDS.filter((f) => !['title', 'name', 'group'].includes(f)).map((f): [string, string] => [f, CONTROL])]),
	'100,000 repeated fields': urlencoded([
		...Array.from({ length: MANY }, (): [string, string] => ['areas', '1']),
		...Array.from({ length: MANY }, (): [string, string] => ['area', '1']),
		...Array.from({ length: MANY }, (): [string, string] => ['assign', '1:1']),
		...Array.from({ length: 1000 }, (_, i): [string, string] => [`value:q${i}`, '\u0000']),
		...FIELDS.filter((f) => !['areas', 'area', 'assign'].includes(f)).map((f): [string, string] => [f, CONTROL])
	]),
	'over BODY_SIZE_LIMIT': urlencoded([['title', 'z'.repeat(5 * 1024 * 1024)]])
};

/** Hostile JSON bodies: each key of every body the API knows has a wrong value. */
const hostile = (value: (key: string) => unknown) => JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, value(f)])));
const jsonBodies: Record<string, Body> = {
	'text/plain': { contentType: 'text/plain', data: 'x' },
	'form content type': { contentType: 'application/x-www-form-urlencoded', data: 'area=1&level=1' },
	'broken JSON': { contentType: 'application/json', data: '{"areas": [1, 2' },
	'JSON null': { contentType: 'application/json', data: 'null' },
	'JSON array': { contentType: 'application/json', data: '[1,2,3]' },
	'wrong types': { contentType: 'application/json', data: hostile((f) => (f === 'areas' || f === 'groups' ? 'x' : f === 'open' ? 'yes' : { nested: [true] })) },
	'control characters': { contentType: 'application/json', data: hostile((f) => (f === 'areas' ? [1, 2] : f === 'groups' ? [CONTROL] : f === 'open' ? true : f === 'area' ? 1 : CONTROL)) },
	'huge arrays (100,000)': {
		contentType: 'application/json',
		data: hostile((f) => (f === 'open' ? true : Array.from({ length: MANY }, () => (['areas', 'area', 'level', 'k'].includes(f) ? 1 : 'Gruppe'))))
	},
	'huge strings (1 MB)': { contentType: 'application/json', data: hostile((f) => (['title', 'group', 'questionId'].includes(f) ? MB : f === 'open' ? true : 'a'.repeat(10_000))) },
	'impossible date and duplicate groups': {
		contentType: 'application/json',
		data: JSON.stringify({ title: 'Fuzz-Workshop', heldOn: '2026-02-31', groups: ['Politik', 'Politik'], group: CONTROL, questionId: CONTROL, area: 99, level: 9, areas: [99], open: 'x' })
	},
	'deeply nested': { contentType: 'application/json', data: '['.repeat(10_000) + ']'.repeat(10_000) }
};

interface Ids {
	municipality: number;
	assessment: number;
	catalogue: number;
	draft: number;
	workshop: number;
	code: string;
	measure: number;
}

function paramValue(ids: Ids) {
	return (name: string, routeId: string): string => {
		switch (name) {
			case 'municipality': return String(ids.municipality);
			case 'assessment': return String(ids.assessment);
			case 'catalogue': return String(ids.catalogue);
			case 'draft': return String(ids.draft);
			case 'workshop': return String(ids.workshop);
			case 'code': return ids.code;
			case 'area': return '1';
			case 'question': return '1.01';
			case 'token': return 'no-such-invitation-token-0000000000000000000';
			case 'measure': return String(ids.measure);
			case 'id': return String(routeId.includes('/workshops/') ? ids.workshop : routeId.includes('/measures/') ? ids.measure : ids.assessment);
			default: throw new Error(`tests/fuzz.e2e.ts: no value for route parameter [${name}] in ${routeId}`);
		}
	};
}

async function coordinatorSession(baseURL: string, account: { email: string; password: string } = DEMO.coordinator): Promise<APIRequestContext> {
	const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
	const response = await api.post('/login', {
		headers: { accept: 'text/html' },
		form: { email: account.email, password: account.password },
		maxRedirects: 0
	});
	expect(response.status(), 'login').toBe(303);
	return api;
}

/** The session cookies of a logged-in request context, kept up to date from the answers' Set-Cookie. */
async function cookieJar(context: APIRequestContext) {
	const cookies = new Map((await context.storageState()).cookies.map((c) => [c.name, c.value]));
	return {
		header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
		update(response: Response) {
			for (const line of response.headers.getSetCookie()) {
				const [pair = '', ...attributes] = line.split(';');
				const at = pair.indexOf('=');
				const name = pair.slice(0, at).trim();
				const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
				if (expired) cookies.delete(name);
				else cookies.set(name, pair.slice(at + 1).trim());
			}
		}
	};
}

async function runWithConcurrency(jobs: (() => Promise<void>)[], limit: number): Promise<void> {
	let next = 0;
	const lane = async () => {
		while (next < jobs.length) await jobs[next++]!();
	};
	await Promise.all(Array.from({ length: limit }, lane));
}

test('fuzz: every form action and JSON endpoint answers hostile bodies with 4xx and writes nothing', async ({ server }) => {
	test.setTimeout(300_000);
	const api = await coordinatorSession(server.url);
	// The operator's actions and endpoint (Betrieb) are sent as the operator, so they get as far as their checks
	// (logged in before the rows are counted: the login writes a session).
	const operatorApi = await coordinatorSession(server.url, DEMO.operator);
	// An open workshop, so participant actions get as far as their checks (created before the count).
	const demo = query(server.databasePath, (db) => {
		const municipality = db.prepare('select id from municipality where name = ?').get(DEMO.municipality) as { id: number };
		const assessment = db.prepare('select id from assessment where municipality_id = ? order by id').get(municipality.id) as { id: number };
		const catalogue = db.prepare('select id from catalogue order by id').get() as { id: number };
		const measure = db.prepare('select id from measure where assessment_id = ? order by id').get(assessment.id) as { id: number };
		return { municipality: municipality.id, assessment: assessment.id, catalogue: catalogue.id, measure: measure.id };
	});
	const created = await api.post(`/api/assessments/${demo.assessment}/workshops`, { data: { title: 'Fuzz-Ziel', areas: [1, 2] } });
	expect(created.status()).toBe(201);
	const workshop = (await created.json()) as { id: number; code: string };
	expect((await api.post(`/api/workshops/${workshop.id}/areas`, { data: { areas: [1, 2], open: true } })).status()).toBe(200);
	// A catalogue draft, so the editor's actions get as far as their checks.
	const drafted = await api.post(`/m/${demo.municipality}/catalogues?/draft`, {
		headers: { accept: 'text/html' },
		form: { catalogueId: demo.catalogue },
		maxRedirects: 0
	});
	const draft = Number(/\/drafts\/(\d+)/.exec(drafted.headers()['location'] ?? '')?.[1]);
	expect(draft, 'draft created').toBeGreaterThan(0);
	const ids: Ids = { ...demo, draft, workshop: workshop.id, code: workshop.code };
	const fill = paramValue(ids);

	const actions = listActions();
	const endpoints = listEndpoints(['POST', 'PUT', 'PATCH', 'DELETE']);
	expect(actions.length).toBeGreaterThanOrEqual(20);
	const skipped = [...actions.filter((a) => !a.readsBody).map((a) => `${a.id}?/${a.name}`), ...endpoints.filter((e) => !e.readsBody).map((e) => `${e.method} ${e.id}`)];

	const before = rowCounts(server.databasePath);
	const failures: string[] = [];
	let requests = 0;
	// The hostile bodies go out over Node's fetch with the two sessions' cookies: Playwright's request
	// context would pass every megabyte through its protocol (base64) first, which cost more than
	// the server's work. Bodies go as bytes, so fetch adds no content type of its own.
	const jars = { coordinator: await cookieJar(api), operator: await cookieJar(operatorApi) };
	const send = async (target: string, method: string, label: string, body: Body, accept: string) => {
		const caller = target.startsWith('/betrieb') || target.startsWith('/api/municipalities') ? jars.operator : jars.coordinator;
		const headers: Record<string, string> = { accept, origin: server.url, cookie: caller.header() };
		// Without a content type of the body's own, the same default as Playwright's request context sends.
		headers['content-type'] = body.contentType ?? 'application/octet-stream';
		const response = await fetch(server.url + target, { method, headers, body: Buffer.from(body.data), redirect: 'manual' });
		caller.update(response);
		const text = await response.text();
		requests++;
		if (response.status >= 500) failures.push(`${response.status} ${method} ${target} [${label}, ${accept}]: ${text.slice(0, 200)}`);
	};

	const formTargets = actions
		.filter((a: Action) => a.readsBody)
		.map((a) => `${toPath(a.id, fill)}${a.name === 'default' ? '' : `?/${a.name}`}`);
	const jobs: (() => Promise<void>)[] = [];
	for (const target of formTargets) {
		for (const [label, body] of Object.entries(formBodies)) {
			jobs.push(() => send(target, 'POST', label, body, 'text/html'));
			// As `use:enhance` sends it; the large bodies once only, to keep the run short.
			if (body.data.length < 100_000) jobs.push(() => send(target, 'POST', label, body, 'application/json'));
		}
	}
	for (const endpoint of endpoints.filter((e: Endpoint) => e.readsBody)) {
		const target = toPath(endpoint.id, fill);
		for (const [label, body] of Object.entries(jsonBodies)) jobs.push(() => send(target, endpoint.method, label, body, 'application/json'));
	}
	// A few requests in flight at once keep client and server busy at the same time.
	await runWithConcurrency(jobs, 4);

	const after = rowCounts(server.databasePath);
	console.log(
		`fuzz: ${requests} requests over ${formTargets.length} actions and ${endpoints.length - skipped.filter((s) => !s.includes('?/')).length} endpoints, ` +
			`${failures.length} 5xx; not reachable by a body: ${skipped.join(', ')}`
	);
	expect(failures).toEqual([]);
	expect(after, 'row counts of every table').toEqual(before);
	await api.dispose();
	await operatorApi.dispose();
});

test('fuzz: findings 12 and 14 are refused with their own message', async ({ server }) => {
	const api = await coordinatorSession(server.url);
	const { assessment } = query(server.databasePath, (db) => ({
		assessment: (db.prepare('select id from assessment order by id').get() as { id: number }).id
	}));
	const created = await api.post(`/api/assessments/${assessment}/workshops`, { data: { title: 'Fuzz-Regeln', areas: [1] } });
	const workshop = (await created.json()) as { id: number; code: string };
	const before = rowCounts(server.databasePath);

	const areas = await api.post(`/api/workshops/${workshop.id}/areas`, { data: { areas: Array.from({ length: MANY }, () => 1), open: true } });
	expect(areas.status()).toBe(422);
	expect(await areas.json()).toMatchObject({ error: 'tooMany' });

	const cases: [Record<string, unknown>, string, string][] = [
		[{ title: 'Doppelte Gruppen', groups: ['Politik', 'politik '] }, 'duplicateGroups', 'Jede Gruppe darf nur einmal vorkommen.'],
		[{ title: 'Unmögliches Datum', heldOn: '2026-02-31' }, 'date', 'Bitte ein gültiges Datum.'],
		[{ title: 'Mit\u0000NUL' }, 'controlChars', 'Der Text enthält unzulässige Steuerzeichen.'],
		[{ title: 'Gruppe mit NUL', groups: ['Poli\u0000tik'] }, 'controlChars', 'Der Text enthält unzulässige Steuerzeichen.']
	];
	for (const [data, error, message] of cases) {
		const response = await api.post(`/api/assessments/${assessment}/workshops`, { data });
		expect(response.status(), JSON.stringify(data)).toBe(422);
		expect(await response.json()).toEqual({ error, message });
	}
	const join = await api.post(`/api/w/${workshop.code}/ballot`, { data: { group: 'Poli\u0000tik' } });
	expect(join.status()).toBe(422);
	expect(rowCounts(server.databasePath)).toEqual(before);

	// The form says the same in the person's language.
	const form = await api.post(`/m/1/assessments/${assessment}/workshops?/create`, {
		headers: { accept: 'application/json' },
		form: { title: 'Kaputt\u0000', heldOn: '2026-02-31', groups: 'A\nB', k: '5', areas: '1' }
	});
	const result = (await form.json()) as { type: string; status: number; data: string };
	expect(result.type).toBe('failure');
	expect(result.data).toContain('controlChars');
	expect(result.data).toContain('date');
	await api.dispose();
});

test('fuzz: an unreadable form body answers 400 with a message in the page’s language', async ({ server, page }) => {
	for (const [lang, text] of [
		['de', 'Die Anfrage konnte nicht gelesen werden.'],
		['en', 'The request could not be read.']
	] as const) {
		const api = await playwrightRequest.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url, cookie: `lang=${lang}` } });
		for (const target of ['/login', `/w/${'A'.repeat(8)}?/join`]) {
			const response = await api.post(target, { headers: { 'content-type': 'text/plain', 'accept-language': lang, accept: 'text/html' }, data: 'x' });
			expect(response.status(), target).toBeGreaterThanOrEqual(400);
			expect(response.status(), target).toBeLessThan(500);
			if (target === '/login') {
				expect(response.status()).toBe(400);
				expect(await response.text()).toContain(text);
			}
		}
		await api.dispose();
	}
});
