import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseCsv } from '../src/lib/domain/csv';
import { DEMO, expect, login, startServer, test, unique } from './fixtures';

/*
 * A staff member's day without training: advice that fits the answers, closing with a question
 * first, the agreement view, an editor's landing page, the public start page, files for Excel,
 * and pages that fit phones, tablets and desktops. The demo assessment (id 1) has open
 * disagreements in areas 2 and 3; tests that change it put it back.
 */

const DEMO_ASSESSMENT = '/m/1/assessments/1';
const SHOTS = '/tmp/shots-f';

/** A fresh assessment on the shipped catalogue, created by the logged-in coordinator. */
async function createAssessment(page: Page): Promise<{ url: string; id: number }> {
	await page.goto('/m/1');
	const name = unique('Tagesablauf');
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Fragenkatalog').selectOption({ label: 'Selbstcheck Weltoffene Kommune – Standardkatalog – Version 2026.1 (105 Fragen)' });
	await page.getByRole('button', { name: 'Durchlauf anlegen' }).click();
	await page.getByRole('link', { name }).click();
	await page.waitForURL(/\/assessments\/\d+$/);
	const url = new URL(page.url()).pathname;
	return { url, id: Number(url.split('/').pop()) };
}

test('the results page names the weakest agreed answers with their suggestions and never advises what is "umgesetzt"', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const assessment = await createAssessment(page);
	// The example from the issue: concept, office and steering group in place, nothing else.
	for (let i = 1; i <= 12; i++) {
		const questionId = `1.${String(i).padStart(2, '0')}`;
		const value = ['1.01', '1.02', '1.06'].includes(questionId) ? '3' : i === 12 ? 'unknown' : '0';
		const response = await page.request.post(`/api/assessments/${assessment.id}/answers`, {
			data: { questionId, value, comment: '', evidence: '' }
		});
		expect(response.status()).toBe(200);
	}

	await page.goto(`${assessment.url}/results`);
	const area1 = page.locator('[data-advice-area="1"]');
	await expect(area1.locator('li[data-question]')).toHaveCount(3);
	await expect(area1.locator('li[data-question]').first()).toContainText('1.03');
	await expect(area1.locator('li[data-question="1.03"]')).toContainText('Anregung: Die Steuerungsgruppe bittet jeden Fachbereich');
	await expect(area1.locator('li[data-question="1.04"]')).toContainText('abgestimmt: „nicht vorhanden“');
	// Nothing answered "umgesetzt" is advice, and the steering group it has is never suggested.
	for (const done of ['1.01', '1.02', '1.06']) await expect(area1.locator(`li[data-question="${done}"]`)).toHaveCount(0);
	await expect(area1.locator('.weakest')).not.toContainText('Steuerungsgruppe einzusetzen');
	// "weiß nicht" is listed to clarify; the level's text follows as general context.
	await expect(area1.locator('li[data-clarify="1.12"]')).toBeVisible();
	await expect(area1.locator('.general')).toContainText('Allgemeine Anregung für Stufe 3');
	await expect(area1.locator('.general')).toContainText('gehen die Anregungen zu den einzelnen Fragen oben vor');

	// The report for the council shows the same advice.
	await page.goto(`${assessment.url}/report`);
	await expect(page.locator('[data-advice-area="1"] li[data-question]')).toHaveCount(3);
	await expect(page.locator('[data-advice-area="1"] li[data-question="1.06"]')).toHaveCount(0);
});

test('closing with open disagreements asks first, without JavaScript, and records the reason', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'de-DE' });
	const page = await context.newPage();
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await page.goto(DEMO_ASSESSMENT);
	await page.getByRole('link', { name: 'Fragebogen abschließen' }).click();
	// Nothing is closed yet: the confirmation lists what is open.
	const confirm = page.getByTestId('close-confirm');
	await expect(confirm).toContainText('Wirklich abschließen?');
	await expect(confirm).toContainText(/\d+ Fragen mit unterschiedlichen Antworten sind nicht abgestimmt/);
	await expect(page.getByText(/^Abgeschlossen am/)).toHaveCount(0);

	// Without a reason it stays open: the browser asks for one, and the server refuses a form without it.
	await expect(page.getByLabel('Begründung für das Abschließen')).toHaveAttribute('required', '');
	const refused = await page.request.post(`${DEMO_ASSESSMENT}?/close`, {
		form: { step: 'final', reason: '  ' },
		headers: { origin: baseURL!, accept: 'text/html' }
	});
	expect(refused.status()).toBe(400);
	expect(await refused.text()).toContain('Es ist noch etwas offen: Bitte begründen Sie, warum Sie trotzdem abschließen.');
	// The old one-click form (no step) only leads to the confirmation.
	const oneClick = await page.request.post(`${DEMO_ASSESSMENT}?/close`, { form: {}, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
	expect(oneClick.status()).toBe(303);
	expect(oneClick.headers().location).toContain('?close=confirm');
	await page.reload();
	await expect(page.getByText(/^Abgeschlossen am/)).toHaveCount(0);

	await page.getByLabel('Begründung für das Abschließen').fill('Ratssitzung am Montag; die Abweichungen klären wir danach.');
	await page.getByRole('button', { name: 'Trotzdem abschließen' }).click();
	await expect(page.getByRole('status')).toContainText(/Abgeschlossen am .* mit offenen Punkten \(\d+ offene Abweichungen\)/);
	const entry = page.getByRole('listitem').filter({ hasText: /abgeschlossen mit offenen Punkten: \d+ offene Abweichungen/ });
	await expect(entry).toHaveCount(1);
	await expect(entry).toContainText('Begründung: Ratssitzung am Montag; die Abweichungen klären wir danach.');

	// Put the demo back for the other tests.
	await page.getByRole('button', { name: 'Wieder öffnen' }).click();
	await expect(page.getByRole('status')).toContainText('wieder geöffnet');
	await context.close();
});

test("a refused agreement save shows the other person's change in the open-disagreements view", async ({ page, context }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	// The agreement view opens on the open disagreements, one compact row per question.
	await page.goto(`${DEMO_ASSESSMENT}/agreement`);
	await expect(page.getByRole('link', { name: /^Offene Abweichungen/ })).toHaveAttribute('aria-current', 'true');
	const first = page.locator('article.question').first();
	const id = (await first.getAttribute('id'))!.slice(2);
	await expect(first.locator('textarea')).toBeHidden();

	const other = await context.newPage();
	await other.goto(`${DEMO_ASSESSMENT}/agreement`);
	const mine = page.locator(`article[id="q-${id}"]`);
	const theirs = other.locator(`article[id="q-${id}"]`);
	await mine.locator('summary').click();
	await theirs.locator('summary').click();

	await theirs.getByLabel('nicht vorhanden').check();
	await theirs.getByLabel(/^Begründung/).fill('Gibt es noch nicht');
	await theirs.getByRole('button', { name: 'Abgestimmte Antwort speichern' }).click();
	await expect(other.getByRole('status')).toHaveText(`Die abgestimmte Antwort zu Frage ${id} wurde gespeichert.`);

	await mine.getByLabel('teilweise umgesetzt').check();
	await mine.getByLabel(/^Begründung/).fill('Meine Sicht');
	await mine.getByRole('button', { name: 'Abgestimmte Antwort speichern' }).click();
	// Resolved by the other person, the question left this filter — but its card stays with the reason.
	const alert = mine.getByRole('alert');
	await expect(alert).toContainText('Jemand anderes hat die abgestimmte Antwort inzwischen geändert.');
	await expect(alert).toContainText('auf „nicht vorhanden“ gesetzt');
	await expect(mine).toContainText('Abgestimmte Antwort: nicht vorhanden');
	await expect(mine.getByLabel(/^Begründung/)).toHaveValue('Meine Sicht');
});

test('an editor lands on their areas, goes on to the next area and autosaves without a save button', async ({ page, browser, baseURL }) => {
	await login(page, DEMO.editor.email, DEMO.editor.password);
	// With one municipality /m leads here; other specs may have invited this person elsewhere too.
	await page.goto('/m/1');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meine Handlungsfelder');
	// Other specs start further rounds in the demo municipality: the demo round's areas are the ones.
	const demoRound = page.getByRole('listitem').filter({ hasText: 'Selbstcheck 2026' });
	await expect(demoRound.getByRole('link', { name: '1. Management und Steuerung' })).toBeVisible();
	await expect(demoRound.getByText(/von 12 Fragen offen/).first()).toBeVisible();

	await demoRound.getByRole('link', { name: '3. Fairer Zugang und Teilhabechancen' }).click();
	await expect(page.getByRole('heading', { level: 2, name: /Fairer Zugang/ })).toBeVisible();
	// With JavaScript every click saves: no save button.
	await expect(page.getByRole('button', { name: 'Alle Antworten speichern' })).toHaveCount(0);
	// Area 4 is not theirs: the next one is 5.
	await page.getByRole('link', { name: /^Weiter zum nächsten Handlungsfeld: 5\./ }).click();
	await expect(page).toHaveURL(/\/areas\/5$/);

	const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'de-DE' });
	const plain = await noScript.newPage();
	await login(plain, DEMO.editor.email, DEMO.editor.password);
	await plain.goto(`${DEMO_ASSESSMENT}/areas/5`);
	await expect(plain.getByRole('button', { name: 'Alle Antworten speichern' })).toBeVisible();
	await noScript.close();
});

test('arrowing through the options of a question writes one history entry', async ({ page }) => {
	await login(page, DEMO.editor.email, DEMO.editor.password);
	const history = `${DEMO_ASSESSMENT}/history/6.02`;
	await page.goto(history);
	const before = await page.locator('tbody tr').count();

	await page.goto(`${DEMO_ASSESSMENT}/areas/6`);
	const card = page.locator('fieldset.question').nth(1);
	await card.getByLabel('umgesetzt und verankert').focus();
	// Four choices on the way; only where the keys rest is the decision.
	for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
	await expect(card.locator('.save-state')).not.toHaveText('✓ Gespeichert');
	await expect(card.locator('.save-state')).toHaveText('✓ Gespeichert', { timeout: 8000 });

	await page.goto(history);
	await expect(page.locator('tbody tr')).toHaveCount(before + 1);
});

test('the public start page offers the workshop code first, the staff login second, and the legal links', async ({ browser }, testInfo) => {
	const { server, process } = await startServer(`start-${testInfo.workerIndex}`, {
		IMPRESSUM_URL: 'https://www.musterstadt.example/impressum',
		DATENSCHUTZ_URL: '/datenschutz.html'
	});
	try {
		const context = await browser.newContext({ baseURL: server.url, locale: 'de-DE' });
		const page = await context.newPage();
		const response = await page.goto('/');
		expect(response?.url()).toBe(`${server.url}/`);
		const code = page.getByLabel('Code (6 Zeichen)');
		const staffLogin = page.getByRole('link', { name: 'Anmelden' });
		await expect(code).toBeVisible();
		await expect(staffLogin).toBeVisible();
		expect((await code.boundingBox())!.y).toBeLessThan((await staffLogin.boundingBox())!.y);

		const legal = page.getByRole('navigation', { name: 'Rechtliches' });
		await expect(legal.getByRole('link', { name: 'Impressum' })).toHaveAttribute('href', 'https://www.musterstadt.example/impressum');
		await expect(legal.getByRole('link', { name: 'Datenschutz' })).toHaveAttribute('href', '/datenschutz.html');
		// Without BARRIEREFREIHEIT_URL the app's own accessibility statement is linked.
		await expect(legal.getByRole('link', { name: 'Barrierefreiheit' })).toHaveAttribute('href', '/barrierefreiheit');

		// The code goes where /w sends it.
		await code.fill('zzzzzz');
		await page.getByRole('button', { name: 'Weiter' }).click();
		await expect(page).toHaveURL(/\/w\/ZZZZZZ$/);
		await expect(page.getByRole('navigation', { name: 'Rechtliches' })).toBeVisible();

		await staffLoginFrom(page);
		await expect(page.getByRole('navigation', { name: 'Rechtliches' })).toBeVisible();
		await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
		await page.goto('/');
		await expect(page).toHaveURL(/\/m\/1$/);
		// Staff pages carry the accessibility statement too (BITV), not the links that are not configured.
		const staffLegal = page.getByRole('navigation', { name: 'Rechtliches' });
		await expect(staffLegal.getByRole('link', { name: 'Barrierefreiheit' })).toHaveAttribute('href', '/barrierefreiheit');
		await context.close();
	} finally {
		process.kill('SIGTERM');
	}
});

async function staffLoginFrom(page: Page) {
	await page.goto('/');
	await page.getByRole('link', { name: 'Anmelden' }).click();
	await expect(page).toHaveURL(/\/login$/);
}

test('the answers CSV keeps question ids as text for Excel', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await page.goto(DEMO_ASSESSMENT);
	await expect(page.getByRole('link', { name: /^Empfohlen: Antworten und Ergebnisse als Excel-Datei/ })).toBeVisible();
	const response = await page.request.get(`${DEMO_ASSESSMENT}/export.csv`);
	const text = await response.text();
	// German Excel reads "1.01" as the first of January; ="1.01" stays the text 1.01.
	expect(text).toContain('\r\n="1.01";1. Management und Steuerung;');
	expect(text).toContain('\r\n="3.10";');
	const rows = parseCsv(text);
	expect(rows.map((r) => r[0]).slice(1, 4)).toEqual(['1.01', '1.02', '1.03']);
});

test('staff, assessment, results and start pages fit 360, 768 and 1280 px', async ({ page }) => {
	test.setTimeout(120_000);
	mkdirSync(SHOTS, { recursive: true });
	for (const width of [360, 768, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.context().clearCookies();
		await page.goto('/');
		await page.screenshot({ path: `${SHOTS}/start-${width}.png`, fullPage: true });
		await noSidewaysScroll(page);

		await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
		for (const [name, path] of [
			['staff', '/m/1/staff'],
			['assessment', DEMO_ASSESSMENT],
			['results', `${DEMO_ASSESSMENT}/results`]
		] as const) {
			await page.goto(path);
			await page.waitForTimeout(400);
			if (name === 'results') {
				await page.locator('section[aria-labelledby="chart-heading"]').screenshot({ path: `${SHOTS}/results-chart-${width}.png` });
				await page.locator('article[data-area="1"]').screenshot({ path: `${SHOTS}/results-advice-${width}.png` });
			} else {
				await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
			}
			await noSidewaysScroll(page);
			await everyButtonInView(page);
			// On a desktop the tables fit without scrolling at all.
			if (width === 1280 && name !== 'results') expect(await overflowingTables(page)).toEqual([]);
		}
	}
});

/** The page itself never scrolls sideways; wide tables scroll inside their own frame. */
async function noSidewaysScroll(page: Page) {
	expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

async function overflowingTables(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('.table-wrap')]
			.filter((wrap) => wrap.scrollWidth > wrap.clientWidth + 1)
			.map((wrap) => wrap.querySelector('caption, th')?.textContent?.trim() ?? '?')
	);
}

/** No button is cut off: each lies inside the viewport and inside the frame that scrolls it, once scrolled there. */
async function everyButtonInView(page: Page) {
	const cut = await page.evaluate(() =>
		[...document.querySelectorAll('main button, main .button')].flatMap((element) => {
			const wrap = element.closest('.table-wrap');
			if (wrap && wrap.scrollWidth > wrap.clientWidth) return []; // reachable by scrolling the table
			const box = element.getBoundingClientRect();
			const limit = Math.min(window.innerWidth, wrap ? wrap.getBoundingClientRect().right : Infinity);
			return box.width > 0 && box.right > limit + 0.5 ? [`${element.textContent?.trim()} (${Math.round(box.right)} > ${Math.round(limit)})`] : [];
		})
	);
	expect(cut).toEqual([]);
}
