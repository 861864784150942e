import http from 'node:http';
import { DEMO, expect, test } from './fixtures';
import { listActions } from './routes';

/*
 * Findings from the attack runs at the edges of a request: a form field named `__proto__`, a large
 * body sent to an action that reads no fields, and an /api path no route matches.
 */

interface Answer {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
	/** Whether the request went over a connection an earlier request had used (keep-alive). */
	reused: boolean;
}

/** One request over `agent`; rejects when no answer came within `timeoutMs`. */
function send(agent: http.Agent, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}, timeoutMs = 5_000): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const request = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (body += chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body, reused: request.reusedSocket }));
		});
		request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms: ${init.method ?? 'GET'} ${url}`)));
		request.on('error', reject);
		request.end(init.body);
	});
}

/** The session cookie of a fresh login. */
async function sessionOf(baseURL: string, account: { email: string; password: string }): Promise<string> {
	const response = await fetch(`${baseURL}/login`, {
		method: 'POST',
		headers: { origin: baseURL, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams(account).toString(),
		redirect: 'manual'
	});
	expect(response.status, 'login').toBe(303);
	const cookie = /session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
	expect(cookie, 'session cookie').toBeTruthy();
	return cookie!;
}

const form = (entries: [string, string][]) => new URLSearchParams(entries).toString();

test('a form field named __proto__ gets the refusal with its message, not a 500 (create, reinvite; enhanced and plain)', async ({ server }) => {
	const cookie = await sessionOf(server.url, DEMO.operator);
	const agent = new http.Agent();
	const taken: [string, string][] = [
		['name', DEMO.municipality], ['kind', 'kreisfreie_stadt'], ['land', 'NW'], ['populationBand', '100k_500k'], ['ags', ''],
		['coordinatorEmail', 'neu@example.org'], ['__proto__', 'x'], ['constructor', 'y']
	];
	// The demo municipality (id 1) has members.
	const withMembers: [string, string][] = [['municipalityId', '1'], ['coordinatorEmail', 'neu@example.org'], ['__proto__', 'x']];
	const headers = { cookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' };
	for (const [action, entries, code, message] of [
		['create', taken, 'municipalityNameTaken', 'Eine Kommune mit diesem Namen gibt es schon'],
		['reinvite', withMembers, 'municipalityHasMembers', undefined]
	] as const) {
		const enhanced = await send(agent, `${server.url}/betrieb/new?/${action}`, {
			method: 'POST',
			headers: { ...headers, accept: 'application/json', 'x-sveltekit-action': 'true' },
			body: form([...entries])
		});
		expect(enhanced.status, `enhanced ?/${action}`).toBe(200);
		expect(JSON.parse(enhanced.body)).toMatchObject({ type: 'failure', status: 409 });
		expect(enhanced.body).toContain(code);
		expect(enhanced.body).not.toContain('__proto__');

		const plain = await send(agent, `${server.url}/betrieb/new?/${action}`, { method: 'POST', headers: { ...headers, accept: 'text/html' }, body: form([...entries]) });
		expect(plain.status, `plain ?/${action}`).toBe(409);
		if (message) expect(plain.body).toContain(message);
	}
	agent.destroy();
});

test('every form action reads its body through the form helpers (readForm, tryReadForm, drainBody) or a helper given the request or the whole event', () => {
	const unread = listActions()
		.filter((action) => !/\b(readForm|tryReadForm|drainBody)\(request\)|\w\([^)]*\b(request|event)\b/.test(action.text))
		.map((action) => `${action.id}?/${action.name}`);
	expect(unread).toEqual([]);
});

test('a 400 KB form to an action that reads no fields: a prompt refusal, then the same connection answers the next request', async ({ server }) => {
	const coordinator = await sessionOf(server.url, DEMO.coordinator);
	const editor = await sessionOf(server.url, DEMO.editor);
	const body = form([['filler', 'x'.repeat(400 * 1024)]]);
	// Refusals that change nothing: unknown ids, the wrong role, no session (refused by the hook).
	const targets: [string, string | undefined, number][] = [
		['/m/1/catalogues/drafts/999999?/publish', coordinator, 404],
		['/m/1/assessments/999999?/reopen', coordinator, 404],
		['/m/1/workshops/999999?/end', coordinator, 404],
		['/m/1/settings?/join', editor, 403],
		['/m/1/settings?/leave', editor, 403],
		['/m/1/settings?/join', undefined, 401]
	];
	for (const [path, cookie, status] of targets) {
		for (const enhanced of [false, true]) {
			const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
			try {
				const headers: Record<string, string> = {
					origin: server.url,
					'content-type': 'application/x-www-form-urlencoded',
					...(cookie ? { cookie } : {}),
					...(enhanced ? { accept: 'application/json', 'x-sveltekit-action': 'true' } : { accept: 'text/html' })
				};
				const first = await send(agent, `${server.url}${path}`, { method: 'POST', headers, body });
				expect(first.status, `${path} (${enhanced ? 'enhanced' : 'plain'})`).toBe(status);
				const next = await send(agent, `${server.url}/api/health`, {}, 5_000);
				expect(next.status).toBe(200);
				expect(next.reused, 'the second request used the same connection').toBe(true);
			} finally {
				agent.destroy();
			}
		}
	}
});

test('every /api answer is JSON, also for a path no route matches', async ({ server }) => {
	const cookie = await sessionOf(server.url, DEMO.coordinator);
	const agent = new http.Agent();
	for (const [method, path, status] of [
		['GET', '/api/measures/abc', 404],
		['PATCH', '/api/measures/abc', 404],
		['GET', '/api/assessments/0/results', 404],
		['GET', '/api/no-such-thing', 404],
		['DELETE', '/api/health', 405]
	] as const) {
		for (const accept of ['text/html', 'application/json']) {
			const answer = await send(agent, `${server.url}${path}`, { method, headers: { cookie, accept, origin: server.url } });
			expect(answer.status, `${method} ${path} (${accept})`).toBe(status);
			expect(answer.headers['content-type'], `${method} ${path} (${accept})`).toMatch(/^application\/json/);
			expect(JSON.parse(answer.body)).toMatchObject({ error: expect.any(String), message: expect.any(String) });
		}
	}
	agent.destroy();
});
