import type { Browser, Page } from '@playwright/test';
import { parseCsv } from '../src/lib/domain/csv';
import { DEMO, expect, login, test, unique } from './fixtures';

interface Account {
	name: string;
	email: string;
	password: string;
}

async function createEditor(page: Page, prefix: string): Promise<Account> {
	await page.goto('/m/1/staff');
	const name = unique(prefix);
	const email = `${name.split(' ').pop()}@musterstadt.example`;
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByRole('button', { name: 'Einladen' }).click();
	const link = (await page.getByTestId('invitation-link').textContent())!.trim();
	// The new person sets name and password through the invitation link, in a browser of their own.
	const password = 'ein-langes-passwort';
	const context = await page.context().browser()!.newContext();
	const newcomer = await context.newPage();
	await newcomer.goto(link);
	await newcomer.getByLabel('Ihr Name').fill(name);
	await newcomer.getByLabel('Passwort', { exact: true }).fill(password);
	await newcomer.getByLabel('Passwort wiederholen').fill(password);
	await newcomer.getByRole('button', { name: 'Konto anlegen und Einladung annehmen' }).click();
	await newcomer.waitForURL(/\/m\/1$/, { timeout: 15_000 });
	await context.close();
	return { name, email, password };
}

/** Creates an assessment and returns the URL of its overview. */
async function createAssessment(page: Page): Promise<{ name: string; url: string; id: number }> {
	await page.goto('/m/1');
	const name = unique('E2E-Check');
	await page.getByLabel('Name').fill(name);
	// Other tests import catalogues into the same database; this one needs the shipped 105 questions.
	await page.getByLabel('Fragenkatalog').selectOption({ label: 'Selbstcheck Weltoffene Kommune – Standardkatalog – Version 2026.1 (105 Fragen)' });
	await page.getByRole('button', { name: 'Durchlauf anlegen' }).click();
	await page.getByRole('link', { name }).click();
	await page.waitForURL(/\/assessments\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
	const url = new URL(page.url()).pathname;
	return { name, url, id: Number(url.split('/').pop()) };
}

async function assign(page: Page, url: string, assignments: [string, Account][]) {
	await page.goto(url);
	for (const [area, person] of assignments) {
		await page.getByRole('checkbox', { name: `${person.name} beantwortet ${area}` }).check();
	}
	await page.getByRole('button', { name: 'Zuständigkeiten speichern' }).click();
	await expect(page.getByRole('status')).toHaveText('Die Zuständigkeiten wurden gespeichert.');
}

async function newUserPage(browser: Browser, baseURL: string | undefined, account: Account, javaScriptEnabled = true) {
	const context = await browser.newContext({ baseURL, javaScriptEnabled, locale: 'de-DE' });
	const page = await context.newPage();
	await login(page, account.email, account.password);
	return page;
}

/** The question cards of an answer page, in order. */
const questionCards = (page: Page) => page.locator('fieldset.question');

test('two editors answer, the coordinator agrees with a reason and closes; the result matches a hand calculation', async ({
	page,
	browser,
	baseURL,
	axe
}) => {
	test.setTimeout(120_000);
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const first = await createEditor(page, 'Erika Erste');
	const second = await createEditor(page, 'Zoran Zweiter');
	const assessment = await createAssessment(page);
	await assign(page, assessment.url, [
		['Management und Steuerung', first],
		['Kommunikation und Konfliktmanagement', first],
		['Management und Steuerung', second]
	]);

	// The first editor answers with JavaScript: every click is saved at once.
	const firstPage = await newUserPage(browser, baseURL, first);
	await firstPage.goto(assessment.url);
	await expect(firstPage.getByRole('heading', { name: 'Meine Handlungsfelder' })).toBeVisible();
	await expect(firstPage.getByText('0 von 24 beantwortet (0 %)')).toBeVisible();
	for (const area of [1, 7]) {
		await firstPage.goto(`${assessment.url}/areas/${area}`);
		await axe(firstPage);
		const cards = questionCards(firstPage);
		await expect(cards).toHaveCount(12);
		for (let i = 0; i < 12; i++) {
			const card = cards.nth(i);
			await card.getByLabel('umgesetzt und verankert').check();
			await expect(card.locator('.save-state')).toHaveText('✓ Gespeichert');
		}
	}
	await firstPage.reload();
	await expect(firstPage.getByText('12 von 12 beantwortet').first()).toBeVisible();
	await firstPage.goto(assessment.url);
	await expect(firstPage.getByText('24 von 24 beantwortet (100 %)')).toBeVisible();

	// The second editor works without JavaScript and saves with the button.
	const secondPage = await newUserPage(browser, baseURL, second, false);
	await secondPage.goto(`${assessment.url}/areas/1`);
	const cards = questionCards(secondPage);
	for (let i = 0; i < 12; i++) {
		await cards.nth(i).getByLabel(i === 0 ? 'geplant / in Vorbereitung' : 'umgesetzt und verankert').check();
	}
	await cards.nth(0).getByText('Kommentar und Nachweis').click();
	await cards.nth(0).getByLabel('Kommentar').fill('Konzept liegt als Entwurf vor; "Beschluss" folgt; siehe Anlage');
	await secondPage.getByRole('button', { name: 'Alle Antworten speichern' }).click();
	await expect(secondPage.getByRole('status')).toHaveText('Gespeichert: 12 Antworten geändert.');
	await expect(questionCards(secondPage).nth(0).getByLabel('geplant / in Vorbereitung')).toBeChecked();
	// Area 7 is not theirs.
	const notMine = await secondPage.goto(`${assessment.url}/areas/7`);
	expect(notMine?.status()).toBe(403);

	// The coordinator sees the one disagreement and resolves it; a reason is required.
	await page.goto(`${assessment.url}/agreement?filter=open`);
	await axe(page);
	const open = page.locator('article.question');
	await expect(open).toHaveCount(1);
	await expect(open).toContainText('1.01');
	await expect(open).toContainText('Spannweite: 1 bis 3 Punkte');
	// One row per question; its answers and form open on demand.
	await expect(open.getByLabel('teilweise umgesetzt')).toBeHidden();
	await open.locator('summary').click();
	await open.getByLabel('teilweise umgesetzt').check();
	await open.getByRole('button', { name: 'Abgestimmte Antwort speichern' }).click();
	await expect(open.locator('.field-error')).toHaveText('Die Antworten unterscheiden sich: Bitte begründen Sie die abgestimmte Antwort.');
	await open.getByLabel(/^Begründung/).fill('Teilweise umgesetzt: Entwurf liegt vor.');
	await open.getByRole('button', { name: 'Abgestimmte Antwort speichern' }).click();
	// Resolved, it leaves the list of open disagreements; the confirmation stays on the page.
	await expect(page.getByRole('status')).toHaveText('Die abgestimmte Antwort zu Frage 1.01 wurde gespeichert.');
	await expect(page.locator('article.question')).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Offene Abweichungen (0)' })).toBeVisible();

	// History: one click from the question.
	await page.goto(`${assessment.url}/agreement?filter=answered&area=1`);
	await page.locator('article#q-1\\.01 summary').click();
	await page.locator('article#q-1\\.01').getByRole('link', { name: 'Verlauf dieser Frage' }).click();
	await expect(page.getByRole('heading', { name: 'Verlauf von Frage 1.01' })).toBeVisible();
	await expect(page.getByRole('row').filter({ hasText: 'Teilweise umgesetzt: Entwurf liegt vor.' })).toHaveCount(1);
	await axe(page);

	// Close: answers become read-only.
	await page.goto(assessment.url);
	// Areas 2–6 have no agreed answers: the confirmation lists them and asks for a reason.
	await page.getByRole('link', { name: 'Fragebogen abschließen' }).click();
	await expect(page.getByTestId('close-confirm')).toContainText('nicht bewertbar (zu wenige abgestimmte Antworten): 2. Interkulturelle Öffnung');
	await page.getByLabel('Begründung für das Abschließen').fill('Die Felder 2 bis 6 bearbeiten wir in der nächsten Runde.');
	await page.getByRole('button', { name: 'Trotzdem abschließen' }).click();
	await expect(page.getByRole('status')).toContainText('mit offenen Punkten (nicht bewertbar: 2, 3, 4, 5, 6)');
	await axe(page);
	await firstPage.goto(`${assessment.url}/areas/1`);
	await expect(firstPage.getByText('Der Fragebogen ist abgeschlossen. Sie können die Antworten lesen')).toBeVisible();
	await expect(questionCards(firstPage).nth(0).getByLabel('umgesetzt und verankert')).toBeDisabled();
	const late = await firstPage.request.post(`/api/assessments/${assessment.id}/answers`, {
		data: { questionId: '1.02', value: '0', comment: '', evidence: '' }
	});
	expect(late.status()).toBe(409);
	expect((await late.json()).message).toBe('Der Fragebogen ist abgeschlossen; Antworten können nicht mehr geändert werden.');

	// Hand calculation. Area 1: 11 × 3 + 1 × 2 ("teilweise") = 35 of 36 points = 97.2 % → level 1.
	// Area 7: 12 × 3 = 36 of 36 = 100 % → level 1. All other areas: nothing agreed → not assessable.
	await page.goto(`${assessment.url}/results`);
	const row = (area: number) => page.locator(`tr[data-area="${area}"]`);
	await expect(row(1)).toContainText('12 von 12');
	await expect(row(1)).toContainText('97,2 %');
	await expect(row(1)).toContainText('1 – Weltoffen');
	await expect(row(7)).toContainText('100 %');
	await expect(row(7)).toContainText('1 – Weltoffen');
	for (const area of [2, 3, 4, 5, 6]) await expect(row(area)).toContainText('nicht bewertbar');
	await expect(page.locator('canvas')).toBeVisible();
	await axe(page);

	const api = await page.request.get(`/api/assessments/${assessment.id}/results`);
	const json = await api.json();
	expect(json.areas.map((a: { area: number; answered: number; total: number; adminScore: number | null; adminLevel: number | null }) => [a.area, a.answered, a.total, a.adminScore, a.adminLevel])).toEqual([
		[1, 12, 12, 97.2, 1],
		[2, 0, 12, null, null],
		[3, 0, 36, null, null],
		[4, 0, 11, null, null],
		[5, 0, 11, null, null],
		[6, 0, 11, null, null],
		[7, 12, 12, 100, 1]
	]);

	// The CSV opens in German Excel: BOM, semicolons, one row per question.
	await page.goto(assessment.url);
	const downloadPromise = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Alle Antworten als CSV (Excel) herunterladen' }).click();
	const download = await downloadPromise;
	const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
	expect(text.startsWith('\uFEFF')).toBe(true);
	const rows = parseCsv(text);
	expect(rows).toHaveLength(1 + 105);
	const header = rows[0]!;
	expect(header.slice(0, 4)).toEqual(['Frage-ID', 'Handlungsfeld', 'Thema', 'Frage']);
	expect(header).toContain(`${second.name}: Kommentar`);
	const q101 = rows.find((r) => r[0] === '1.01')!;
	expect(q101[header.indexOf(`${first.name}: Antwort`)]).toBe('umgesetzt und verankert');
	expect(q101[header.indexOf(`${second.name}: Antwort`)]).toBe('geplant / in Vorbereitung');
	expect(q101[header.indexOf(`${second.name}: Kommentar`)]).toBe('Konzept liegt als Entwurf vor; "Beschluss" folgt; siehe Anlage');
	expect(q101[header.indexOf('Abgestimmte Antwort')]).toBe('teilweise umgesetzt');
	expect(q101[header.indexOf('Begründung')]).toBe('Teilweise umgesetzt: Entwurf liegt vor.');

	// Reopening is possible and recorded.
	await page.getByRole('button', { name: 'Wieder öffnen' }).click();
	await expect(page.getByRole('status')).toContainText('wieder geöffnet');
	await expect(page.getByRole('listitem').filter({ hasText: 'wieder geöffnet (Koordination Integrationsbüro)' })).toHaveCount(1);
	const closing = page.getByRole('listitem').filter({ hasText: 'abgeschlossen mit offenen Punkten: nicht bewertbar: 2, 3, 4, 5, 6 (Koordination Integrationsbüro)' });
	await expect(closing).toHaveCount(1);
	await expect(closing).toContainText('Begründung: Die Felder 2 bis 6 bearbeiten wir in der nächsten Runde.');
});

test('a second coordinator tab cannot silently overwrite the agreed answer', async ({ page, context }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const assessment = await createAssessment(page);
	await page.goto(`${assessment.url}/areas/5`);
	await questionCards(page).nth(0).getByLabel('nicht vorhanden').check();
	await expect(questionCards(page).nth(0).locator('.save-state')).toHaveText('✓ Gespeichert');

	const other = await context.newPage();
	await page.goto(`${assessment.url}/agreement?filter=answered`);
	await other.goto(`${assessment.url}/agreement?filter=answered`);
	const mine = page.locator('article#q-5\\.01');
	const theirs = other.locator('article#q-5\\.01');
	await mine.locator('summary').click();
	await theirs.locator('summary').click();
	await theirs.getByLabel('geplant / in Vorbereitung').check();
	await theirs.getByLabel(/^Begründung/).fill('Planung läuft');
	await theirs.getByRole('button', { name: 'Abgestimmte Antwort speichern' }).click();
	await expect(theirs.getByRole('status')).toHaveText('Die abgestimmte Antwort zu Frage 5.01 wurde gespeichert.');

	await mine.getByLabel('teilweise umgesetzt').check();
	await mine.getByLabel(/^Begründung/).fill('Meine Sicht');
	await mine.getByRole('button', { name: 'Abgestimmte Antwort speichern' }).click();
	const alert = mine.getByRole('alert');
	await expect(alert).toContainText('Jemand anderes hat die abgestimmte Antwort inzwischen geändert.');
	await expect(alert).toContainText('auf „geplant / in Vorbereitung“ gesetzt');
	await expect(mine.getByLabel(/^Begründung/)).toHaveValue('Meine Sicht');
	await expect(mine).toContainText('Abgestimmte Antwort: geplant / in Vorbereitung');
	// With the other change now in view, a deliberate second save goes through.
	await mine.getByRole('button', { name: 'Abgestimmte Antwort speichern' }).click();
	await expect(mine.getByRole('status')).toHaveText('Die abgestimmte Antwort zu Frage 5.01 wurde gespeichert.');
	await expect(mine).toContainText('Abgestimmte Antwort: teilweise umgesetzt');
});

test('an answer given while offline is kept and sent once the connection is back, even after closing the tab', async ({ page, context }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const assessment = await createAssessment(page);
	await page.goto(`${assessment.url}/areas/6`);
	const card = questionCards(page).nth(2);
	await context.setOffline(true);
	await card.getByLabel('teilweise umgesetzt').check();
	await expect(card.locator('.save-state')).toHaveText('Keine Verbindung – wird automatisch erneut gesendet …');
	await page.close();

	await context.setOffline(false);
	const again = await context.newPage();
	await again.goto(`${assessment.url}/areas/6`);
	await expect(questionCards(again).nth(2).locator('.save-state')).toHaveText('✓ Gespeichert');
	await again.reload();
	await expect(questionCards(again).nth(2).getByLabel('teilweise umgesetzt')).toBeChecked();
});

test('bad answers through the API are refused with a clear 4xx and write nothing', async ({ page, request }) => {
	await login(page, DEMO.editor.email, DEMO.editor.password);
	const post = (data: unknown) => page.request.post('/api/assessments/1/answers', { data });
	const cases: [unknown, number, string][] = [
		[{ questionId: '9.99', value: '3' }, 422, 'unknownQuestion'],
		[{ questionId: '1.01', value: '5' }, 422, 'invalidValue'],
		[{ questionId: '4.01', value: '3' }, 403, 'notAssigned'],
		[{ questionId: '1.01' }, 422, 'invalid'],
		[{ questionId: '1.01', value: '3', comment: 'x'.repeat(2001) }, 422, 'commentTooLong']
	];
	for (const [data, status, code] of cases) {
		const response = await post(data);
		expect(response.status(), JSON.stringify(data)).toBe(status);
		expect((await response.json()).error).toBe(code);
	}
	// Nothing of it was written: question 1.01 still has only the demo answers.
	await page.goto('/m/1/assessments/1/areas/1');
	await expect(page.locator('fieldset.question').nth(0).getByLabel('umgesetzt und verankert')).toBeChecked();
	const malformed = await page.request.post('/api/assessments/1/answers', { data: Buffer.from('{kaputt'), headers: { 'content-type': 'application/json' } });
	expect(malformed.status()).toBe(400);
	const foreign = await page.request.post('/api/assessments/999/answers', { data: { questionId: '1.01', value: '3' } });
	expect(foreign.status()).toBe(404);

	// The request fixture carries no session cookie.
	const anonymous = await request.get('/api/assessments');
	expect(anonymous.status()).toBe(401);
	expect((await request.get('/api/assessments/1/results')).status()).toBe(401);
	const list = await page.request.get('/api/assessments');
	expect(await list.json()).toContainEqual({ id: 1, name: 'Selbstcheck 2026', municipality: 'Musterstadt' });
});
