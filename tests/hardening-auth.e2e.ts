import type { ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import type { APIRequestContext, Browser } from '@playwright/test';
import { DEMO, expect, login, startServer, test } from './fixtures';

/**
 * Issue 9, findings 1, 2, 3, 4, 7, 8 and 15, against servers of their own: one in demo mode with
 * INITIAL_ADMIN_* set (finding 15), one behind a simulated proxy (ADDRESS_HEADER, finding 7).
 */

const ADMIN = { email: 'chefin@musterstadt.example', password: 'Chefin-Passwort-2026' };
const DEMO_PASSWORD = DEMO.coordinator.password;

async function post(request: APIRequestContext, baseURL: string, path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
	return request.post(baseURL + path, { form, headers: { origin: baseURL, accept: 'text/html', ...headers }, maxRedirects: 0, failOnStatusCode: false });
}

async function newPage(browser: Browser, baseURL: string) {
	const context = await browser.newContext({ baseURL });
	return { context, page: await context.newPage() };
}

test.describe('demo mode with INITIAL_ADMIN_* (own server)', () => {
	test.describe.configure({ mode: 'default' });
	let server: { url: string; databasePath: string };
	let child: ChildProcess;
	test.beforeAll(async ({}, info) => {
		const started = await startServer(`a-demo-${info.workerIndex}`, {
			SEED_DEMO: '1',
			INITIAL_ADMIN_EMAIL: ADMIN.email,
			INITIAL_ADMIN_PASSWORD: ADMIN.password
		});
		server = started.server;
		child = started.process;
	});
	test.afterAll(() => {
		child?.kill('SIGTERM');
	});

	test('finding 15: the server starts and INITIAL_ADMIN_* log in as the demo coordinator', async ({ browser }) => {
		const { context, page } = await newPage(browser, server.url);
		await login(page, ADMIN.email, ADMIN.password);
		await expect(page.getByText('Kommune: Musterstadt')).toBeVisible();
		await expect(page.getByRole('cell', { name: 'Selbstcheck 2026' })).toBeVisible();
		await context.close();
		// The built-in demo coordinator was not created beside them.
		const fresh = await browser.newContext();
		const builtIn = await post(fresh.request, server.url, '/login', DEMO.coordinator);
		expect(builtIn.status()).toBe(400);
		await fresh.close();
	});

	test('finding 4: redirectTo accepts only same-origin paths (GET /login, POST /login, POST /language)', async ({ browser }) => {
		const { context, page } = await newPage(browser, server.url);
		const request = context.request;
		// Logging in with a line break in redirectTo: no 500, a session cookie arrives, and we land on /m.
		const loggedIn = await post(request, server.url, '/login', { email: 'wirtschaft@musterstadt.example', password: DEMO_PASSWORD, redirectTo: '/\n/evil.example' });
		expect(loggedIn.status()).toBe(303);
		expect(loggedIn.headers()['location']).toBe('/m');
		expect(loggedIn.headers()['set-cookie']).toContain('session=');
		expect((await context.cookies()).some((c) => c.name === 'session')).toBe(true);

		for (const target of ['/\t/evil.example', '/\r/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example']) {
			const viaGet = await request.get(`${server.url}/login?redirectTo=${encodeURIComponent(target)}`, { maxRedirects: 0 });
			expect(viaGet.status(), target).toBe(303);
			expect(viaGet.headers()['location'], target).toBe('/m');
			const viaLanguage = await post(request, server.url, '/language', { language: 'de', redirectTo: target });
			expect(viaLanguage.status(), target).toBe(303);
			expect(viaLanguage.headers()['location'], target).toBe('/');
		}
		const fine = await request.get(`${server.url}/login?redirectTo=${encodeURIComponent('/m/1/staff')}`, { maxRedirects: 0 });
		expect(fine.headers()['location']).toBe('/m/1/staff');
		await page.close();
		await context.close();
	});

	test('finding 1: 30 parallel wrong passwords for one account evaluate at most 5; then the right one is refused', async ({ playwright }) => {
		const request = await playwright.request.newContext();
		const email = 'moderation@musterstadt.example';
		const responses = await Promise.all(
			Array.from({ length: 30 }, (_, i) => post(request, server.url, '/login', { email, password: `falsch-${i}` }))
		);
		const statuses = responses.map((r) => r.status());
		const evaluated = statuses.filter((s) => s === 400).length;
		const refused = statuses.filter((s) => s === 429).length;
		console.log(`finding 1: 30 parallel wrong attempts: ${evaluated} evaluated, ${refused} refused`);
		expect(evaluated).toBe(5);
		expect(refused).toBe(25);
		const right = await post(request, server.url, '/login', { email, password: DEMO_PASSWORD });
		expect(right.status()).toBe(429);
		await request.dispose();
	});

	test('finding 2: a password change ends the other sessions of the account, not the current one', async ({ browser }) => {
		const email = 'integration@musterstadt.example';
		const a = await newPage(browser, server.url);
		const b = await newPage(browser, server.url);
		await login(a.page, email, DEMO_PASSWORD);
		await login(b.page, email, DEMO_PASSWORD);
		await a.page.goto('/account');
		await a.page.getByLabel('Aktuelles Passwort').fill(DEMO_PASSWORD);
		await a.page.getByLabel('Neues Passwort', { exact: true }).fill('ganz-neues-Passwort-1');
		await a.page.getByLabel('Neues Passwort wiederholen').fill('ganz-neues-Passwort-1');
		await a.page.getByRole('button', { name: 'Passwort ändern' }).click();
		await expect(a.page.getByRole('status')).toHaveText('Ihr Passwort wurde geändert.');
		await b.page.goto('/m');
		await expect(b.page).toHaveURL(/\/login/);
		await a.page.goto('/m');
		await expect(a.page).toHaveURL(/\/m(\/1)?$/);
		await a.context.close();
		await b.context.close();
	});

	test('finding 3: after a reset the person must set their own password before anything else', async ({ browser }) => {
		const email = 'personal@musterstadt.example';
		const coordinator = await newPage(browser, server.url);
		const person = await newPage(browser, server.url);
		await login(person.page, email, DEMO_PASSWORD);

		await login(coordinator.page, ADMIN.email, ADMIN.password);
		await coordinator.page.goto('/m/1/staff');
		await coordinator.page.getByRole('button', { name: /^Passwort zurücksetzen: Jonas Weber/ }).click();
		await expect(coordinator.page.getByRole('status')).toContainText('wurde zurückgesetzt');
		const oneTime = (await coordinator.page.locator('code.secret').textContent())!.trim();

		// The reset ended the person's session (finding 2).
		await person.page.goto('/m');
		await expect(person.page).toHaveURL(/\/login/);

		await login(person.page, email, oneTime);
		await expect(person.page).toHaveURL(/\/account$/);
		await expect(person.page.getByRole('alert')).toContainText('Einmalpasswort');
		await person.page.goto('/m/1');
		await expect(person.page).toHaveURL(/\/account$/);
		const api = await person.context.request.get(`${server.url}/api/assessments`, { failOnStatusCode: false });
		expect(api.status()).toBe(403);
		expect(await api.json()).toMatchObject({ error: 'passwordChangeRequired' });
		const action = await post(person.context.request, server.url, '/m/1/staff?/deactivate', { userId: '1' });
		expect(action.status()).toBe(403);

		await person.page.getByLabel('Aktuelles Passwort').fill(oneTime);
		await person.page.getByLabel('Neues Passwort', { exact: true }).fill('mein-eigenes-Passwort');
		await person.page.getByLabel('Neues Passwort wiederholen').fill('mein-eigenes-Passwort');
		await person.page.getByRole('button', { name: 'Passwort ändern' }).click();
		await expect(person.page.getByRole('status')).toHaveText('Ihr Passwort wurde geändert.');
		await person.page.goto('/m');
		await expect(person.page.getByText('Kommune: Musterstadt')).toBeVisible();
		expect((await person.context.request.get(`${server.url}/api/assessments`)).status()).toBe(200);
		await coordinator.context.close();
		await person.context.close();
	});

	test('finding 8: after 30 wrong codes from one address, the right code still passes', async ({ playwright }) => {
		const db = new Database(server.databasePath, { readonly: true });
		const { code } = db.prepare('select code from workshop limit 1').get() as { code: string };
		db.close();
		const request = await playwright.request.newContext({ baseURL: server.url });
		for (let i = 0; i < 30; i++) expect((await request.get(`/w/ZZZ${String(i).padStart(3, '2').replace(/[01]/g, '9')}`)).status()).toBe(404);
		expect((await request.get('/w/ZZZ999')).status()).toBe(429);
		expect((await request.get(`/w/${code}`)).status()).toBe(200);
		const join = await request.post(`/api/w/${code}/ballot`, { data: { group: null }, failOnStatusCode: false });
		expect(join.status()).not.toBe(429);
		await request.dispose();
	});
});

test.describe('behind a proxy: ADDRESS_HEADER=x-real-ip (own server)', () => {
	test.describe.configure({ mode: 'default' });
	let server: { url: string; databasePath: string };
	let child: ChildProcess;
	test.beforeAll(async ({}, info) => {
		const started = await startServer(`a-proxy-${info.workerIndex}`, { ADDRESS_HEADER: 'x-real-ip' });
		server = started.server;
		child = started.process;
	});
	test.afterAll(() => {
		child?.kill('SIGTERM');
	});

	test('finding 7: a request without the configured header gets 400 with a clear message, not 500', async ({ playwright }) => {
		const request = await playwright.request.newContext({ baseURL: server.url });
		const page = await request.get('/login', { failOnStatusCode: false });
		expect(page.status()).toBe(400);
		expect(await page.text()).toContain('Kopfzeile mit der Adresse des Geräts fehlt');
		const api = await request.get('/api/assessments', { failOnStatusCode: false });
		expect(api.status()).toBe(400);
		expect(await api.json()).toMatchObject({ error: 'addressMissing' });
		const loginPost = await post(request, server.url, '/login', { email: 'x@y.example', password: 'z' });
		expect(loginPost.status()).toBe(400);
		expect((await request.get('/api/health')).status()).toBe(200);
		expect((await request.get('/login', { headers: { 'x-real-ip': '198.51.100.4' } })).status()).toBe(200);
		await request.dispose();
	});

	test('findings 7 and 8: one visitor’s wrong codes do not lock out another address', async ({ playwright }) => {
		const request = await playwright.request.newContext({ baseURL: server.url });
		const from = (ip: string) => ({ headers: { 'x-real-ip': ip }, failOnStatusCode: false });
		for (let i = 0; i < 30; i++) await request.get(`/w/YYY${String(i).padStart(3, '2').replace(/[01]/g, '9')}`, from('203.0.113.66'));
		expect((await request.get('/w/YYY999', from('203.0.113.66'))).status()).toBe(429);
		expect((await request.get('/w/YYY999', from('203.0.113.67'))).status()).toBe(404);
		await request.dispose();
	});

	test('finding 1: 200 parallel attempts from one address on different accounts evaluate at most 50', async ({ playwright }) => {
		test.setTimeout(120_000);
		const request = await playwright.request.newContext();
		const responses = await Promise.all(
			Array.from({ length: 200 }, (_, i) =>
				post(request, server.url, '/login', { email: `niemand${i}@musterstadt.example`, password: 'falsch' }, { 'x-real-ip': '192.0.2.50' })
			)
		);
		const statuses = responses.map((r) => r.status());
		const evaluated = statuses.filter((s) => s === 400).length;
		console.log(`finding 1: 200 parallel attempts from one address: ${evaluated} evaluated, ${statuses.filter((s) => s === 429).length} refused`);
		expect(evaluated).toBe(50);
		// Another address logs in as usual.
		const other = await post(request, server.url, '/login', DEMO.coordinator, { 'x-real-ip': '192.0.2.51' });
		expect(other.status()).toBe(303);
		await request.dispose();
	});
});
