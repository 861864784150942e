import type { APIRequestContext, Browser, BrowserContextOptions, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { DEMO, expect, login, test, unique } from './fixtures';

const FACILITATOR = { email: 'moderation@musterstadt.example', password: 'Musterstadt-2026' };
const PHONE = { width: 360, height: 740 };
const SHOTS = '/tmp/shots-p';

/** A workshop created through the staff API with the given areas open; the facilitator's request context. */
async function workshopWith(page: Page, open: number[], areas = [1, 2, 3, 4, 5, 6, 7]) {
	await login(page, FACILITATOR.email, FACILITATOR.password);
	const created = await page.request.post('/api/assessments/1/workshops', { data: { title: unique('Abstimmung'), areas } });
	expect(created.status()).toBe(201);
	const { id, code } = (await created.json()) as { id: number; code: string };
	if (open.length > 0) await setOpen(page.request, id, open, true);
	return { id, code };
}

async function setOpen(request: APIRequestContext, id: number, areas: number[], open: boolean) {
	const response = await request.post(`/api/workshops/${id}/areas`, { data: { areas, open } });
	expect(response.status()).toBe(200);
}

async function phone(browser: Browser, baseURL: string | undefined, options: BrowserContextOptions = {}): Promise<Page> {
	const context = await browser.newContext({ baseURL, locale: 'de-DE', viewport: PHONE, ...options });
	return context.newPage();
}

async function join(page: Page, code: string, group = 'Politik') {
	await page.goto(`/w/${code}`);
	await page.getByLabel(group).check();
	await page.getByRole('button', { name: 'Weiter' }).click();
	await expect(page.getByText('Ihr Bereich:')).toBeVisible();
}

/** Waits until the page is hydrated: with JavaScript the save button goes away. */
async function hydrated(page: Page) {
	await expect(page.locator('.save-line').first()).toBeAttached();
	await expect(page.getByRole('button', { name: 'Bewertung speichern' })).toHaveCount(0);
}

const area = (page: Page, n: number) => page.locator(`#area-${n}`);

test('one tap on a phone saves the rating; after a reload it is still there', async ({ page, browser, baseURL }) => {
	const { code } = await workshopWith(page, [1, 2]);
	const p = await phone(browser, baseURL);
	await join(p, code);
	await hydrated(p);
	await area(p, 2).getByText('Stufe 3 –').click();
	await expect(area(p, 2).getByRole('status')).toHaveText('✓ gespeichert');
	await expect(area(p, 2).locator('.your-rating')).toContainText('Ihre Bewertung: Stufe 3');
	await p.reload();
	await expect(area(p, 2).getByLabel(/Stufe 3 –/)).toBeChecked();
	await expect(area(p, 2).locator('.your-rating')).toContainText('Stufe 3 – Auf dem Weg');
	await expect(area(p, 1).locator('.your-rating')).toHaveCount(0);
	// Nothing overflows sideways at 360 px.
	expect(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
});

test('a rating that arrives after its area closed says so on that area; a rated area closes live', async ({ page, browser, baseURL }) => {
	const { id, code } = await workshopWith(page, [1, 2]);
	// A rated this area earlier and keeps the page open: it sees the area close live.
	const a = await phone(browser, baseURL);
	await join(a, code, 'Wirtschaft');
	await hydrated(a);
	await area(a, 1).getByText('Stufe 2 –').click();
	await expect(area(a, 1).getByRole('status')).toHaveText('✓ gespeichert');

	// B's live stream is cut, so the close does not reach B before B taps (a slow network).
	const b = await phone(browser, baseURL);
	await b.route('**/events', (route) => route.abort());
	await join(b, code, 'Politik');
	await hydrated(b);
	await expect(area(b, 1).locator('.open-badge')).toHaveText('offen – jetzt bewerten');

	await setOpen(page.request, id, [1], false);
	await expect(area(a, 1)).toContainText('geschlossen – Ihre Bewertung: Stufe 2 – Gut unterwegs');
	await expect(area(a, 1).getByRole('radio')).toHaveCount(0);

	await area(b, 1).getByText('Stufe 4 –').click();
	await expect(area(b, 1).getByRole('alert')).toContainText('Dieses Handlungsfeld wurde geschlossen, bevor Ihre Bewertung ankam.');
	await expect(area(b, 1)).toContainText('geschlossen – nicht bewertet');
	// The closed area moved below the open one.
	const order = await b.locator('section.area').evaluateAll((els) => els.map((e) => e.id));
	expect(order.slice(0, 2)).toEqual(['area-2', 'area-1']);
	// Nothing was stored for B.
	await b.reload();
	await expect(area(b, 1)).toContainText('geschlossen – nicht bewertet');
	const stats = await (await page.request.post(`/api/workshops/${id}/areas`, { data: { areas: [2], open: true } })).json();
	expect(stats.perArea[1]).toBe(1);
});

test('with only area 6 open, area 6 is in the first screen of a 360 px phone', async ({ page, browser, baseURL }) => {
	const { code } = await workshopWith(page, [6]);
	const p = await phone(browser, baseURL);
	await join(p, code);
	const box = await area(p, 6).boundingBox();
	expect(box).not.toBeNull();
	expect(box!.y).toBeGreaterThanOrEqual(0);
	expect(box!.y).toBeLessThan(PHONE.height / 2);
	// Its first choices are visible without scrolling as well.
	const first = await area(p, 6).getByText('Stufe 1 –').boundingBox();
	expect(first!.y + first!.height).toBeLessThanOrEqual(PHONE.height);
	await expect(area(p, 6).locator('.open-badge')).toBeInViewport();
	await expect(area(p, 1)).toContainText('noch nicht geöffnet');
	await expect(area(p, 1).getByRole('radio')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the form and its button still save, and a late rating gets the closed message', async ({ page, browser, baseURL }) => {
		const { id, code } = await workshopWith(page, [3, 4]);
		const p = await phone(browser, baseURL, { javaScriptEnabled: false });
		await join(p, code);
		await area(p, 3).getByLabel('kann ich nicht beurteilen').check();
		await area(p, 3).getByRole('button', { name: 'Bewertung speichern' }).click();
		await expect(area(p, 3).locator('.your-rating')).toContainText('Gespeichert. Ihre Bewertung: kann ich nicht beurteilen');
		await p.reload();
		await expect(area(p, 3).getByLabel('kann ich nicht beurteilen')).toBeChecked();

		await area(p, 4).getByLabel(/Stufe 1 –/).check();
		await setOpen(page.request, id, [4], false);
		await area(p, 4).getByRole('button', { name: 'Bewertung speichern' }).click();
		await expect(area(p, 4).getByRole('alert')).toContainText('Dieses Handlungsfeld wurde geschlossen, bevor Ihre Bewertung ankam.');
		await expect(area(p, 4)).toContainText('geschlossen – nicht bewertet');
	});
});

test('keyboard only: arrow keys choose, the last choice is the one stored', async ({ page, browser, baseURL }) => {
	const { code } = await workshopWith(page, [5]);
	const p = await phone(browser, baseURL);
	await join(p, code);
	await hydrated(p);
	const posts: string[] = [];
	p.on('request', (r) => {
		if (r.method() === 'POST' && r.url().endsWith('/ratings')) posts.push(r.postData() ?? '');
	});
	// Tab from the "Bereich ändern" link into the radio group; Space picks level 1, arrows move on.
	await p.getByRole('link', { name: 'Bereich ändern' }).focus();
	await p.keyboard.press('Tab');
	await expect(area(p, 5).getByLabel(/Stufe 1 –/)).toBeFocused();
	await p.keyboard.press('Space');
	await p.keyboard.press('ArrowDown');
	await p.keyboard.press('ArrowDown');
	await p.keyboard.press('ArrowDown');
	await expect(area(p, 5).getByLabel(/Stufe 4 –/)).toBeChecked();
	await expect(area(p, 5).getByRole('status')).toHaveText('✓ gespeichert');
	// Space saved level 1 at once; the three arrow presses became one request for level 4.
	expect(posts.map((b) => JSON.parse(b).level)).toEqual([1, 4]);
	await p.reload();
	await expect(area(p, 5).getByLabel(/Stufe 4 –/)).toBeChecked();
});

test('a dropped connection shows "nicht gespeichert – erneut versuchen" and the retry saves', async ({ page, browser, baseURL }) => {
	const { code } = await workshopWith(page, [7]);
	const p = await phone(browser, baseURL);
	await join(p, code);
	await hydrated(p);
	// The connection is down until the person presses "erneut versuchen" (automatic retries fail too).
	let offline = true;
	let failed = 0;
	await p.route('**/ratings', async (route) => {
		if (offline) {
			failed++;
			await route.abort('internetdisconnected');
		} else await route.continue();
	});
	await area(p, 7).getByText('Stufe 2 –').click();
	await expect(area(p, 7).locator('.save-line')).toContainText('nicht gespeichert – erneut versuchen');
	await expect(area(p, 7).getByRole('status')).toContainText('nicht gespeichert');
	offline = false;
	await area(p, 7).getByRole('button', { name: 'erneut versuchen' }).click();
	await expect(area(p, 7).getByRole('status')).toHaveText('✓ gespeichert');
	await expect(area(p, 7).getByRole('button', { name: 'erneut versuchen' })).toHaveCount(0);
	expect(failed).toBeGreaterThanOrEqual(1);
	await p.reload();
	await expect(area(p, 7).getByLabel(/Stufe 2 –/)).toBeChecked();
});

test('an area that opens live comes to the top and is announced', async ({ page, browser, baseURL }) => {
	const { id, code } = await workshopWith(page, [2]);
	const p = await phone(browser, baseURL);
	await join(p, code);
	await hydrated(p);
	await expect(p.locator('section.area').first()).toHaveId('area-2');
	await setOpen(page.request, id, [5], true);
	await expect(p.locator('.announce')).toHaveText('Jetzt offen: 5. Engagement und Beteiligung');
	await expect(p.locator('.announce')).toHaveAttribute('aria-live', 'polite');
	const order = await p.locator('section.area').evaluateAll((els) => els.map((e) => e.id));
	expect(order.slice(0, 2)).toEqual(['area-2', 'area-5']);
	await expect(area(p, 5).locator('.open-badge')).toBeVisible();
});

test('screenshots of the participant page at 360×740, German and English', async ({ page, browser, baseURL }) => {
	mkdirSync(SHOTS, { recursive: true });
	const { code } = await workshopWith(page, [6]);
	const de = await phone(browser, baseURL);
	await join(de, code);
	await hydrated(de);
	await area(de, 6).getByText('Stufe 3 –').click();
	await expect(area(de, 6).getByRole('status')).toHaveText('✓ gespeichert');
	await de.screenshot({ path: `${SHOTS}/participant-de.png` });
	await de.screenshot({ path: `${SHOTS}/participant-de-full.png`, fullPage: true });

	const en = await phone(browser, baseURL);
	await en.context().addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
	await en.goto(`/w/${code}`);
	await en.getByLabel('Politics').check();
	await en.getByRole('button', { name: 'Continue' }).click();
	await expect(area(en, 6).locator('.open-badge')).toHaveText('open – rate now');
	await expect(en.getByRole('button', { name: 'Save rating' })).toHaveCount(0);
	await en.route('**/ratings', (route) => route.abort('internetdisconnected'));
	await area(en, 6).getByText('Level 2 –').click();
	await expect(area(en, 6).locator('.save-line')).toContainText('not saved – try again');
	await en.screenshot({ path: `${SHOTS}/participant-en.png`, fullPage: true });
});

test.describe('control panel', () => {
	test.use({ viewport: { width: 1280, height: 720 } });

	test('a paper ballot is confirmed next to its form and the running count goes up', async ({ page }) => {
		const { id } = await workshopWith(page, []);
		await page.goto(`/m/1/workshops/${id}`);
		const paper = page.locator('#paper');
		await expect(page.getByTestId('paper-count')).toHaveText('0 Papierstimmzettel erfasst');
		await paper.getByLabel('6. Zusammenhalt und Begegnung').selectOption({ label: 'Stufe 3 – Auf dem Weg' });
		await paper.getByRole('button', { name: 'Stimmzettel speichern' }).click();
		const feedback = paper.getByRole('status');
		await expect(feedback).toHaveText('Gespeichert: Der Papierstimmzettel wurde gezählt.');
		await expect(page.getByTestId('paper-count')).toHaveText('1 Papierstimmzettel erfasst');
		// Next to the button that caused it, in view, not at the top of the page.
		const button = await paper.getByRole('button', { name: 'Stimmzettel speichern' }).boundingBox();
		const box = await feedback.boundingBox();
		expect(Math.abs(box!.y - button!.y)).toBeLessThan(40);
		await expect(feedback).toBeInViewport();
		await expect(page.locator('main > .alert')).toHaveCount(0);
		// The form was emptied, a second ballot counts again.
		await expect(paper.getByLabel('6. Zusammenhalt und Begegnung')).toHaveValue('');
		await paper.getByLabel('2. Interkulturelle Öffnung und Antirassismus').selectOption({ label: 'kann ich nicht beurteilen' });
		await paper.getByRole('button', { name: 'Stimmzettel speichern' }).click();
		await expect(page.getByTestId('paper-count')).toHaveText('2 Papierstimmzettel erfasst');
		await page.reload();
		await expect(page.getByTestId('paper-count')).toHaveText('2 Papierstimmzettel erfasst');
		await expect(page.getByTestId('count-6')).toHaveText('1');

		// Opening one area is confirmed in its own row.
		await page.getByRole('button', { name: 'Öffnen: Zusammenhalt und Begegnung' }).click();
		await expect(page.getByTestId('feedback-area-6')).toHaveText('Geöffnet: 6. Zusammenhalt und Begegnung');
		await expect(page.locator('tr[data-area="6"]')).toContainText('offen');
		await expect(page.getByTestId('feedback-all')).toHaveText('');
		await page.getByRole('button', { name: 'Alle schließen' }).click();
		await expect(page.getByTestId('feedback-all')).toHaveText('Alle Handlungsfelder sind geschlossen.');
		await expect(page.getByTestId('feedback-area-6')).toHaveText('');
		await page.screenshot({ path: `${SHOTS}/control-panel.png`, fullPage: true });
	});

	test('an ended workshop leads to the gap view and the report', async ({ page }) => {
		const { id } = await workshopWith(page, [1]);
		expect((await page.request.post(`/api/workshops/${id}/end`)).status()).toBe(200);
		await page.goto(`/m/1/workshops/${id}`);
		const gap = page.getByRole('link', { name: 'Abweichungen ansehen' });
		const report = page.getByRole('link', { name: 'Bericht öffnen' });
		await expect(gap).toHaveAttribute('href', `/m/1/assessments/1/gap?workshop=${id}`);
		await expect(report).toHaveAttribute('href', `/m/1/assessments/1/report?workshop=${id}`);
		await expect(gap).toBeInViewport();
		await expect(page.locator('main form')).toHaveCount(0);
		await page.screenshot({ path: `${SHOTS}/control-panel-ended.png`, fullPage: true });
		await gap.click();
		await expect(page).toHaveURL(new RegExp(`/gap\\?workshop=${id}$`));
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	});

	test('an editor sees the workshop read-only and the server refuses its actions', async ({ page, browser, baseURL }) => {
		const { id } = await workshopWith(page, []);
		const editorContext = await browser.newContext({ baseURL, locale: 'de-DE', viewport: { width: 1280, height: 720 } });
		const editor = await editorContext.newPage();
		await login(editor, DEMO.editor.email, DEMO.editor.password);
		await editor.goto(`/m/1/workshops/${id}`);
		await expect(editor.getByTestId('read-only')).toContainText('nur lesend');
		await expect(editor.getByTestId('joined')).toBeVisible();
		await expect(editor.locator('main form')).toHaveCount(0);
		await expect(editor.locator('main button')).toHaveCount(0);
		await editor.screenshot({ path: `${SHOTS}/control-panel-editor.png`, fullPage: true });

		// The form actions and the API refuse an editor (a facilitator's identical request passes).
		const action = (request: APIRequestContext) =>
			request.post(`/m/1/workshops/${id}?/open`, {
				form: { area: '1' },
				headers: { origin: baseURL!, accept: 'application/json', 'x-sveltekit-action': 'true' }
			});
		const refused = await action(editor.request);
		expect(refused.status()).toBe(403);
		expect(await refused.text()).toContain('"message":"forbidden"');
		expect((await editor.request.post(`/api/workshops/${id}/areas`, { data: { areas: [1], open: true } })).status()).toBe(403);
		expect((await editor.request.post(`/api/workshops/${id}/end`)).status()).toBe(403);
		const allowed = await action(page.request);
		expect(allowed.status()).toBe(200);
		const state = await (await page.request.post(`/api/workshops/${id}/areas`, { data: { areas: [2], open: false } })).json();
		expect(state.openAreas).toEqual([1]);
	});
});
