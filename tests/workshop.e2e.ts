import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { expect, login, test, unique } from './fixtures';

const FACILITATOR = { email: 'moderation@musterstadt.example', password: 'Musterstadt-2026' };

async function participant(browser: Browser, baseURL: string | undefined, options: BrowserContextOptions = {}): Promise<Page> {
	const context = await browser.newContext({ baseURL, locale: 'de-DE', ...options });
	return context.newPage();
}

async function joinAs(page: Page, code: string, group: string) {
	await page.goto(`/w/${code}`);
	await page.getByLabel(group).check();
	await page.getByRole('button', { name: 'Weiter' }).click();
	await expect(page.getByText('Ihr Bereich:')).toBeVisible();
}

/** With JavaScript one tap saves (no button); without, the form's button does. */
async function rateArea(page: Page, area: number, choice: string | RegExp, js = true) {
	const section = page.locator(`#area-${area}`);
	if (js) {
		await expect(section.locator('.save-line')).toBeAttached();
		await section.getByLabel(choice).check();
		await expect(section.getByRole('status')).toHaveText('✓ gespeichert');
		return;
	}
	await section.getByLabel(choice).check();
	await section.getByRole('button', { name: 'Bewertung speichern' }).click();
	await expect(section.getByText('Gespeichert.')).toBeVisible();
}

test('a facilitator runs the Stimmungsbild with three participants on their own devices', async ({ page, browser, baseURL, axe }) => {
	test.setTimeout(90_000);
	await login(page, FACILITATOR.email, FACILITATOR.password);
	await page.goto('/m/1/assessments/1/workshops');
	const title = unique('Workshop');
	await page.getByLabel(/^Titel/).fill(title);
	await page.getByRole('button', { name: 'Workshop anlegen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	await axe(page);
	const code = (await page.locator('p.code').textContent())!.trim();
	expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
	await expect(page.locator('.qr svg')).toBeVisible();
	await page.getByRole('button', { name: 'Alle öffnen' }).click();
	await expect(page.locator('tr[data-area="1"]')).toContainText('offen');

	const presenter = await page.context().newPage();
	await presenter.setViewportSize({ width: 1280, height: 720 });
	await presenter.goto(new URL(page.url()).pathname + '/presenter');
	await expect(presenter.locator('.code')).toHaveText(code);

	// A: JavaScript on, types the code by hand in lower case.
	const a = await participant(browser, baseURL);
	await a.goto('/w');
	await axe(a);
	await a.getByLabel('Code (6 Zeichen)').fill(code.toLowerCase());
	await a.getByRole('button', { name: 'Weiter' }).click();
	await expect(a).toHaveURL(new RegExp(`/w/${code}$`));
	await axe(a);
	await joinAs(a, code, 'Politik');
	await rateArea(a, 1, /Stufe 3 –/);
	await rateArea(a, 1, /Stufe 2 –/);
	await expect(a.locator('#area-1 .your-rating')).toContainText('Ihre Bewertung: Stufe 2 – Gut unterwegs');
	await axe(a);

	// B: JavaScript off.
	const b = await participant(browser, baseURL, { javaScriptEnabled: false });
	await joinAs(b, code, 'Zivilgesellschaft');
	await rateArea(b, 1, /Stufe 4 –/, false);
	// Changing the group keeps the ballot and its rating.
	await b.getByRole('link', { name: 'Bereich ändern' }).click();
	await b.getByLabel('Wirtschaft').check();
	await b.getByRole('button', { name: 'Weiter' }).click();
	await expect(b.getByText('Ihr Bereich: Wirtschaft')).toBeVisible();
	await expect(b.locator('#area-1 .your-rating')).toContainText('Stufe 4');

	// C: an old phone, 320 px wide.
	const c = await participant(browser, baseURL, { viewport: { width: 320, height: 640 } });
	await joinAs(c, code, 'keine Angabe');
	await rateArea(c, 1, 'kann ich nicht beurteilen');
	await rateArea(c, 2, /Stufe 1 –/);
	const overflow = await c.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBe(0);

	// Every rating counted once: 3 devices, 4 ratings (A changed its rating, which replaced it).
	await expect(page.getByTestId('joined')).toHaveText('3');
	await expect(page.getByTestId('ratings')).toHaveText('4');
	await expect(page.getByTestId('count-1')).toHaveText('3');
	await expect(page.getByTestId('count-2')).toHaveText('1');
	await expect(presenter.getByTestId('presenter-joined')).toHaveText('3');
	await expect(presenter.getByTestId('presenter-ratings')).toHaveText('4');

	// The facilitator closes area 1: A sees it at once, B (no JavaScript) on its next request.
	await b.reload();
	await page.getByRole('button', { name: 'Schließen: Management und Steuerung' }).click();
	await expect(a.locator('#area-1')).toContainText('geschlossen – Ihre Bewertung: Stufe 2 – Gut unterwegs');
	await expect(a.locator('#area-1 button')).toHaveCount(0);
	const bArea = b.locator('#area-1');
	await bArea.getByLabel(/Stufe 1 –/).check();
	await bArea.getByRole('button', { name: 'Bewertung speichern' }).click();
	await expect(b.locator('#area-1').getByRole('alert')).toHaveText(
		'Dieses Handlungsfeld wurde geschlossen, bevor Ihre Bewertung ankam. Diese Bewertung wurde nicht gespeichert.'
	);
	await expect(b.locator('#area-1')).toContainText('geschlossen – Ihre Bewertung: Stufe 4');
	await expect(page.getByTestId('count-1')).toHaveText('3');

	// A paper ballot counts like the others.
	await page.locator('#paper-group').selectOption('Wirtschaft');
	await page.getByLabel('3. Fairer Zugang und Teilhabechancen').selectOption({ label: 'Stufe 2 – Gut unterwegs' });
	await page.getByRole('button', { name: 'Stimmzettel speichern' }).click();
	await expect(page.getByTestId('feedback-paper')).toHaveText('Gespeichert: Der Papierstimmzettel wurde gezählt.');
	await expect(page.getByTestId('paper-count')).toHaveText('1 Papierstimmzettel erfasst');
	await expect(page.getByTestId('joined')).toHaveText('4');
	await expect(presenter.getByTestId('presenter-ratings')).toHaveText('5');

	// Ending the workshop reaches the participants; it can never be changed again.
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Workshop beenden' }).click();
	// Until the end arrives, A's page has one status per open area: a single-text expectation would
	// meet six elements, and a strict-mode violation fails at once instead of waiting. The list form
	// waits until the page has exactly this one status.
	await expect(a.getByRole('status')).toHaveText(['Dieser Workshop ist beendet. Vielen Dank für Ihre Teilnahme!']);
	await expect(page.getByRole('button', { name: 'Alle öffnen' })).toHaveCount(0);
	const late = await a.request.post(`/api/w/${code}/ratings`, { data: { area: 2, level: 3 } });
	expect(late.status()).toBe(409);
	expect((await late.json()).error).toBe('workshopEnded');
	const reopen = await page.request.post(`/api/workshops/${new URL(page.url()).pathname.split('/').pop()}/areas`, {
		data: { areas: [1], open: true }
	});
	expect(reopen.status()).toBe(409);
});

test('a wrong code gets a clear message and a field to type it again', async ({ browser, baseURL, axe }) => {
	const p = await participant(browser, baseURL);
	const response = await p.goto('/w/ZZZZZZ');
	expect(response?.status()).toBe(404);
	await expect(p.getByRole('alert')).toHaveText('Diesen Code gibt es nicht. Bitte prüfen Sie den Code und geben Sie ihn noch einmal ein.');
	await expect(p.getByLabel('Code (6 Zeichen)')).toBeVisible();
	await axe(p);
	await p.getByLabel('Code (6 Zeichen)').fill('12');
	await p.getByRole('button', { name: 'Weiter' }).click();
	await expect(p.locator('#code-error')).toHaveText('Ein Code hat 6 Buchstaben oder Ziffern, zum Beispiel K7M2QX.');
});

test('participant API refuses bad requests with 4xx JSON and writes nothing', async ({ page, request }) => {
	await login(page, FACILITATOR.email, FACILITATOR.password);
	const created = await page.request.post('/api/assessments/1/workshops', { data: { title: 'API-Test', areas: [1, 2] } });
	expect(created.status()).toBe(201);
	const { id, code } = await created.json();
	expect((await page.request.post(`/api/workshops/${id}/areas`, { data: { areas: [1], open: true } })).status()).toBe(200);
	expect((await page.request.post(`/api/workshops/${id}/areas`, { data: { areas: [5], open: true } })).status()).toBe(422);

	expect((await request.post(`/api/w/${code}/ratings`, { data: { area: 1, level: 2 } })).status()).toBe(403);
	expect((await request.post(`/api/w/${code}/ballot`, { data: { group: 'Unbekannt' } })).status()).toBe(422);
	expect((await request.post(`/api/w/${code}/ballot`, { data: { group: 'Politik' } })).status()).toBe(200);
	const cases: [unknown, number, string][] = [
		[{ area: 1, level: 5 }, 422, 'invalidLevel'],
		[{ area: 1, level: '2' }, 422, 'invalidLevel'],
		[{ area: 2, level: 2 }, 409, 'areaClosed'],
		[{ area: 6, level: 2 }, 422, 'unknownArea'],
		[{ level: 2 }, 422, 'unknownArea']
	];
	for (const [data, status, error] of cases) {
		const response = await request.post(`/api/w/${code}/ratings`, { data });
		expect(response.status(), JSON.stringify(data)).toBe(status);
		expect((await response.json()).error).toBe(error);
	}
	const malformed = await request.post(`/api/w/${code}/ratings`, { data: Buffer.from('{'), headers: { 'content-type': 'application/json' } });
	expect(malformed.status()).toBe(400);
	const state = await page.request.post(`/api/workshops/${id}/areas`, { data: { areas: [1], open: true } });
	expect((await state.json()).ratings).toBe(0);
	// Staff endpoints need a session.
	expect((await request.post(`/api/workshops/${id}/areas`, { data: { areas: [1], open: false } })).status()).toBe(401);
});
