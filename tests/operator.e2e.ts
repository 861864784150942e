import { readFileSync, mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO, expect, login, test, unique } from './fixtures';
import { query } from './routes';

/*
 * The operator (Betrieb): creates a municipality and invites its coordinator, who accepts and works
 * in it; the operator sees stages but can open no content; deactivation locks the members out.
 */

const SHOTS = '/tmp/shots-operator';

async function logout(page: Page) {
	await page.getByRole('button', { name: 'Abmelden' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/betrieb') && !url.pathname.startsWith('/m'));
}

test('the operator creates a municipality, its coordinator accepts, the operator sees its stage and no content, deactivation locks it', async ({
	page,
	browser,
	baseURL,
	server,
	axe
}) => {
	test.setTimeout(120_000);
	const demo = query(server.databasePath, (db) => {
		const a = db.prepare('select id from assessment order by id').get() as { id: number };
		const w = db.prepare('select title from workshop order by id').get() as { title: string };
		const me = db.prepare('select title from measure order by id').get() as { title: string };
		return { assessment: a.id, workshopTitle: w.title, measureTitle: me.title };
	});

	// The operator lands on the overview: Musterstadt with its stage, none of its content.
	await login(page, DEMO.operator.email, DEMO.operator.password);
	await expect(page).toHaveURL(/\/betrieb$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Betrieb: alle Kommunen' })).toBeVisible();
	const musterstadt = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: DEMO.municipality }) });
	// Other specs start further rounds in the demo municipality, so its current round's stage varies; the
	// stage rules themselves are tested in operator-overview.test.ts and db/operator.test.ts.
	await expect(musterstadt).toContainText(/Fragebogen läuft|Fragebogen abgeschlossen|Workshop durchgeführt|Maßnahmen in Arbeit/);
	const overview = await page.content();
	for (const secret of ['Aylin Demir', 'koordination@musterstadt.example', demo.workshopTitle, demo.measureTitle, 'Selbstcheck 2026']) {
		expect(overview, secret).not.toContain(secret);
	}
	await axe(page);

	// Create a municipality; a key from another Land is refused with a message at the field.
	const name = unique('Stadt Operatorhausen');
	const coordinatorEmail = `koordination-${Date.now().toString(36)}@operatorhausen.example`;
	await page.getByRole('link', { name: 'Kommune anlegen' }).first().click();
	await expect(page).toHaveURL(/\/betrieb\/new$/);
	await page.getByLabel('Name der Kommune').fill(name);
	await page.getByLabel('Art').selectOption({ label: 'Kreisfreie Stadt' });
	await page.getByLabel('Land').selectOption({ label: 'Nordrhein-Westfalen' });
	await page.getByLabel('Einwohnerzahl').selectOption({ label: '100.000 bis unter 500.000 Einwohner' });
	await page.getByLabel('Amtlicher Gemeindeschlüssel (AGS, freiwillig)').fill('09162000');
	await page.locator('#coordinatorEmail').fill(coordinatorEmail);
	await page.getByRole('button', { name: 'Kommune anlegen und Koordination einladen' }).click();
	await expect(page.getByText('Dieser Gemeindeschlüssel gehört zu einem anderen Land')).toBeVisible();
	await expect(page.getByLabel('Name der Kommune')).toHaveValue(name);
	await axe(page);
	await page.getByLabel('Amtlicher Gemeindeschlüssel (AGS, freiwillig)').fill('05 1 14 000');
	await page.getByRole('button', { name: 'Kommune anlegen und Koordination einladen' }).click();
	await expect(page.getByRole('status')).toContainText(`${name} ist angelegt`);
	await expect(page.getByRole('status')).toContainText(coordinatorEmail);
	const link = (await page.getByTestId('invitation-link').textContent())!.trim();
	expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{20,}$/);
	await axe(page);
	const municipalityId = query(server.databasePath, (db) => (db.prepare('select id, ags from municipality where name = ?').get(name) as { id: number; ags: string }));
	expect(municipalityId.ags).toBe('05114000');

	// The coordinator accepts in a browser of their own and sees the municipality.
	const coordinatorContext = await browser.newContext({ baseURL });
	const coordinator = await coordinatorContext.newPage();
	await coordinator.goto(link);
	await coordinator.getByLabel('Ihr Name').fill('Koordination Operatorhausen');
	await coordinator.getByLabel('Passwort', { exact: true }).fill('Operatorhausen-2026');
	await coordinator.getByLabel('Passwort wiederholen').fill('Operatorhausen-2026');
	await coordinator.getByRole('button', { name: 'Konto anlegen und Einladung annehmen' }).click();
	await coordinator.waitForURL(new RegExp(`/m/${municipalityId.id}$`));
	await expect(coordinator.getByText(`Kommune: ${name}`)).toBeVisible();
	await expect(coordinator.getByText('Ihre Rolle: Koordination')).toBeVisible();

	// The operator sees the new municipality without a round; after the coordinator starts one, its stage.
	await page.goto(`/betrieb?q=${encodeURIComponent(name)}`);
	const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
	await expect(row).toContainText('Noch kein Durchlauf');
	await coordinator.locator('#name').fill('Selbstcheck Operatorhausen');
	await coordinator.getByRole('button', { name: 'Durchlauf anlegen' }).click();
	await expect(coordinator.getByRole('cell', { name: 'Selbstcheck Operatorhausen' })).toBeVisible();
	await page.reload();
	await expect(row).toContainText('Fragebogen läuft');
	await expect(row).toContainText('0 % beantwortet');
	await expect(page.getByText('Selbstcheck Operatorhausen')).toHaveCount(0);

	// The operator opens no page of any municipality, neither the new one nor Musterstadt.
	for (const path of [`/m/${municipalityId.id}`, `/m/${municipalityId.id}/staff`, '/m/1', `/m/1/assessments/${demo.assessment}/results`, `/m/1/assessments/${demo.assessment}/measures`]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
	}
	for (const path of [`/api/assessments/${demo.assessment}/results`, `/api/assessments/${demo.assessment}/measures`]) {
		expect((await page.request.get(path)).status(), path).toBe(404);
	}

	// Deactivation locks the coordinator out: the open session ends, a new login is refused.
	await page.goto(`/betrieb?q=${encodeURIComponent(name)}`);
	await page.getByRole('button', { name: `${name} deaktivieren` }).click();
	await expect(page.getByRole('status').filter({ hasText: 'ist deaktiviert' })).toBeVisible();
	const locked = await coordinator.goto(`/m/${municipalityId.id}`);
	expect(coordinator.url()).toContain('/login');
	expect(locked?.status()).toBe(200);
	await login(coordinator, coordinatorEmail, 'Operatorhausen-2026').catch(() => undefined);
	await expect(coordinator.getByText('Ihre Kommune ist deaktiviert.')).toBeVisible();
	expect(coordinator.url()).toContain('/login');

	// Deactivated ones are listed apart; reactivation lets the coordinator in again.
	await page.goto(`/betrieb?status=deactivated&q=${encodeURIComponent(name)}`);
	await expect(row).toContainText('deaktiviert seit');
	await page.getByRole('button', { name: `${name} reaktivieren` }).click();
	await expect(page.getByRole('status').filter({ hasText: 'ist wieder aktiv' })).toBeVisible();
	await login(coordinator, coordinatorEmail, 'Operatorhausen-2026');
	await expect(coordinator).toHaveURL(new RegExp(`/m/${municipalityId.id}$`));
	await coordinatorContext.close();
});

test('the overview at 360, 768 and 1280 px', async ({ page, axe }) => {
	await login(page, DEMO.operator.email, DEMO.operator.password);
	mkdirSync(SHOTS, { recursive: true });
	for (const width of [360, 768, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.goto('/betrieb');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		// The page itself never scrolls sideways; the table scrolls inside its frame.
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await page.screenshot({ path: `${SHOTS}/overview-${width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 360, height: 900 });
	await page.goto('/betrieb/new');
	await page.screenshot({ path: `${SHOTS}/new-360.png`, fullPage: true });
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.context().addCookies([{ name: 'lang', value: 'en', url: new URL(page.url()).origin }]);
	await page.goto('/betrieb');
	await expect(page.getByRole('heading', { level: 1, name: 'Operator: all municipalities' })).toBeVisible();
	await axe(page);
	await page.goto('/betrieb/catalogues');
	await axe(page);
});

test('POST/GET /api/municipalities: operator only creates, everyone else sees only their own', async ({ page, browser, baseURL }) => {
	await login(page, DEMO.operator.email, DEMO.operator.password);
	const name = unique('API-Gemeinde');
	const body = { name, kind: 'kreisangehoerige_gemeinde', land: 'BY', populationBand: 'under_20k', ags: '09162000', coordinatorEmail: 'k@api-gemeinde.example' };
	const created = await page.request.post('/api/municipalities', { data: body });
	expect(created.status()).toBe(201);
	const json = (await created.json()) as { id: number; invitation: { url: string; expiresAt: string } };
	expect(json.id).toBeGreaterThan(0);
	expect(json.invitation.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invitation\/[A-Za-z0-9_-]+$/);
	expect(Date.parse(json.invitation.expiresAt)).toBeGreaterThan(Date.now());

	expect((await page.request.post('/api/municipalities', { data: { ...body, name: name.toUpperCase() } })).status()).toBe(409);
	const wrongLand = await page.request.post('/api/municipalities', { data: { ...body, name: unique('X'), ags: '05114000' } });
	expect(wrongLand.status()).toBe(422);
	expect(await wrongLand.json()).toMatchObject({ error: 'agsLand' });
	const broken = await page.request.post('/api/municipalities', { data: Buffer.from('{"name":'), headers: { 'content-type': 'application/json' } });
	expect(broken.status()).toBe(400);

	const all = await page.request.get('/api/municipalities');
	expect(all.status()).toBe(200);
	const list = (await all.json()) as { id: number; name: string; stage: string; deactivated: boolean }[];
	expect(list.find((m) => m.id === json.id)).toMatchObject({ name, stage: 'noRound', deactivated: false, land: 'BY' });
	expect(['questionnaire', 'questionnaireClosed', 'workshopHeld', 'measures']).toContain(list.find((m) => m.name === DEMO.municipality)?.stage);
	expect(JSON.stringify(list)).not.toContain('Aylin');

	// A coordinator may not create, and sees only their own municipality, without stages.
	const context = await browser.newContext({ baseURL });
	const other = await context.newPage();
	await login(other, DEMO.coordinator.email, DEMO.coordinator.password);
	expect((await other.request.post('/api/municipalities', { data: { ...body, name: unique('Y') } })).status()).toBe(403);
	const own = (await (await other.request.get('/api/municipalities')).json()) as Record<string, unknown>[];
	expect(own).toEqual([{ id: 1, name: DEMO.municipality, role: 'coordinator' }]);
	await context.close();
	const anonymous = await browser.newContext({ baseURL });
	expect((await anonymous.request.get('/api/municipalities')).status()).toBe(401);
	await anonymous.close();
});

test('the operator publishes a catalogue version that every coordinator can then choose', async ({ page, browser, baseURL }) => {
	const shipped = JSON.parse(readFileSync(new URL('../db/catalogues/weltoffene-kommune-2026.1.json', import.meta.url), 'utf8'));
	const version = `2027.${Date.now().toString(36)}`;
	await login(page, DEMO.operator.email, DEMO.operator.password);
	await page.goto('/betrieb/catalogues');
	await page.getByLabel('Katalogdatei').setInputFiles({ name: 'kaputt.json', mimeType: 'application/json', buffer: Buffer.from('{"id": "x",') });
	await page.getByRole('button', { name: 'Für alle Kommunen veröffentlichen' }).click();
	await expect(page.getByRole('alert')).toContainText('kein gültiger Fragenkatalog');
	await page.getByLabel('Katalogdatei').setInputFiles({ name: 'neu.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...shipped, version })) });
	await page.getByRole('button', { name: 'Für alle Kommunen veröffentlichen' }).click();
	await expect(page.getByRole('status')).toContainText(`Version ${version}`);
	await expect(page.getByRole('cell', { name: version, exact: true })).toBeVisible();

	const context = await browser.newContext({ baseURL });
	const coordinator = await context.newPage();
	await login(coordinator, DEMO.coordinator.email, DEMO.coordinator.password);
	await coordinator.goto('/m/1/catalogues');
	await expect(coordinator.getByRole('cell', { name: version, exact: true })).toBeVisible();
	await context.close();
});

test('an operator invited by a coordinator works in that municipality, and only there', async ({ page, browser, baseURL }) => {
	test.setTimeout(90_000);
	await login(page, DEMO.operator.email, DEMO.operator.password);
	const name = unique('Einladestadt');
	const created = await page.request.post('/api/municipalities', {
		data: { name, kind: 'landkreis', land: 'SN', populationBand: '100k_500k', coordinatorEmail: `k-${Date.now().toString(36)}@einladestadt.example` }
	});
	expect(created.status()).toBe(201);
	const { id, invitation } = (await created.json()) as { id: number; invitation: { url: string } };
	expect((await page.goto(`/m/${id}`))?.status()).toBe(404);

	// The coordinator accepts and invites the operator's address as a facilitator.
	const context = await browser.newContext({ baseURL });
	const coordinator = await context.newPage();
	await coordinator.goto(invitation.url);
	await coordinator.getByLabel('Ihr Name').fill('Koordination Einladestadt');
	await coordinator.getByLabel('Passwort', { exact: true }).fill('Einladestadt-2026');
	await coordinator.getByLabel('Passwort wiederholen').fill('Einladestadt-2026');
	await coordinator.getByRole('button', { name: 'Konto anlegen und Einladung annehmen' }).click();
	await coordinator.waitForURL(new RegExp(`/m/${id}$`));
	await coordinator.goto(`/m/${id}/staff`);
	await coordinator.getByLabel('E-Mail-Adresse').fill(DEMO.operator.email);
	await coordinator.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Moderation' });
	await coordinator.getByRole('button', { name: 'Einladen' }).click();
	await expect(coordinator.getByRole('status')).toContainText(DEMO.operator.email);
	await context.close();

	// The overview points the operator to the invitation; accepted, the municipality opens with that role.
	await page.goto('/betrieb');
	await expect(page.getByText('Eine Einladung wartet auf Sie.')).toBeVisible();
	await page.getByRole('link', { name: 'Zu Ihren Kommunen' }).click();
	await page.getByRole('button', { name: `Einladung annehmen: ${name}` }).click();
	await page.waitForURL(new RegExp(`/m/${id}$`));
	await expect(page.getByText('Ihre Rolle: Moderation')).toBeVisible();
	// Still nothing of Musterstadt.
	expect((await page.goto('/m/1'))?.status()).toBe(404);
});
