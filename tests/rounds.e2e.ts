import { mkdirSync, readFileSync } from 'node:fs';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { DEMO, expect, login, test, unique } from './fixtures';
import { query } from './routes';

const SHOTS = '/tmp/shots-rounds';

/** The editor's and the shipped catalogue's ids in this worker's database. */
function ids(databasePath: string) {
	return query(databasePath, (db) => ({
		editor: (db.prepare('select id from user where email = ?').get(DEMO.editor.email) as { id: number }).id,
		shipped: (db.prepare("select id from catalogue where municipality_id is null and version = '2026.1'").get() as { id: number }).id
	}));
}

/** A first round of the demo municipality with area 1 assigned to the demo editor. */
async function firstRound(page: Page, databasePath: string, name: string): Promise<number> {
	const { editor, shipped } = ids(databasePath);
	const created = await page.request.post('/api/assessments', { data: { name, catalogueId: shipped, municipalityId: 1 } });
	expect(created.status()).toBe(201);
	const { id } = (await created.json()) as { id: number };
	await page.goto(`/m/1/assessments/${id}`);
	await page.getByRole('checkbox', { name: /^Aylin Demir.* beantwortet Management und Steuerung$/ }).check();
	await page.getByRole('button', { name: 'Zuständigkeiten speichern' }).click();
	await expect(page.getByText('Die Zuständigkeiten wurden gespeichert.')).toBeVisible();
	expect(editor).toBeGreaterThan(0);
	return id;
}

async function editorPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await login(page, DEMO.editor.email, DEMO.editor.password);
	return page;
}

async function answer(request: APIRequestContext, assessment: number, questionId: string, value: string) {
	const response = await request.post(`/api/assessments/${assessment}/answers`, { data: { questionId, value, comment: '', evidence: '' } });
	expect(response.status(), await response.text()).toBe(200);
}

test('a coordinator closes a round and starts the next; the editor sees last round\'s answer beside an empty question; progress shows both rounds', async ({ page, browser, baseURL, server, axe }) => {
	test.setTimeout(120_000);
	mkdirSync(SHOTS, { recursive: true });
	await page.setViewportSize({ width: 1280, height: 900 });
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const firstName = unique('Selbstcheck 2026');
	const first = await firstRound(page, server.databasePath, firstName);

	// The editor answers area 1 of the first round: 1.01 "teilweise umgesetzt", the rest "geplant".
	const editor = await editorPage(browser, baseURL);
	const catalogue = JSON.parse(readFileSync('db/catalogues/weltoffene-kommune-2026.1.json', 'utf8')) as { areas: { questions: { id: string }[] }[] };
	for (const q of catalogue.areas[0]!.questions) await answer(editor.request, first, q.id, q.id === '1.01' ? '2' : q.id === '1.02' ? '3' : '1');

	// The coordinator closes it (nothing open in area 1, the other areas are "nicht bewertbar": a reason).
	await page.goto(`/m/1/assessments/${first}`);
	await page.getByRole('link', { name: 'Fragebogen abschließen' }).click();
	await page.getByLabel('Begründung für das Abschließen').fill('Erste Runde nur für Handlungsfeld 1.');
	await page.getByRole('button', { name: 'Trotzdem abschließen' }).click();
	await expect(page.locator('.status-closed')).toBeVisible();

	// … and starts the next round on the same catalogue.
	const nextName = unique('Selbstcheck 2028');
	await page.getByLabel(/Name der neuen Runde/).fill(nextName);
	await page.getByRole('button', { name: 'Neue Runde starten' }).click();
	await expect(page.getByRole('status')).toContainText(`Die Runde „${nextName}“ ist angelegt`);
	const next = Number(/assessments\/(\d+)/.exec(page.url())?.[1]);
	expect(next).toBeGreaterThan(first);
	await expect(page.getByRole('link', { name: `Folgt auf „${firstName}“` })).toBeVisible();
	// No answer was carried over: the round starts with zero answers.
	const carried = query(server.databasePath, (db) => db.prepare('select count(*) as n from answer where assessment_id = ?').get(next) as { n: number });
	expect(carried.n).toBe(0);

	// The editor has area 1 again and sees last round's agreed answer beside 1.01, the field empty.
	await editor.goto(`/m/1/assessments/${next}/areas/1`);
	const reference = editor.getByTestId('reference-1.01');
	await expect(reference).toHaveText(`Letzte Runde (${firstName}): teilweise umgesetzt (2 von 3 Punkten)`);
	const question = editor.locator('fieldset', { has: reference });
	await expect(question.getByRole('radio', { checked: true })).toHaveCount(0);
	await expect(editor.getByText(/Nur zum Vergleich – nicht als Antwort übernommen/)).toBeVisible();
	await editor.setViewportSize({ width: 360, height: 800 });
	await question.scrollIntoViewIfNeeded();
	await editor.screenshot({ path: `${SHOTS}/editor-reference-360.png` });
	await editor.setViewportSize({ width: 1280, height: 900 });
	await question.screenshot({ path: `${SHOTS}/editor-reference-1280.png` });

	// The editor answers: 1.01 better, 1.02 worse, the rest the same.
	for (const q of catalogue.areas[0]!.questions) await answer(editor.request, next, q.id, q.id === '1.01' ? '3' : q.id === '1.02' ? '1' : '1');
	await editor.context().close();

	// Progress: chart and table with both rounds, oldest first; the change list per question.
	await page.getByRole('link', { name: 'Entwicklung über die Runden' }).first().click();
	await expect(page.getByRole('heading', { name: 'Entwicklung über die Runden', level: 2 })).toBeVisible();
	await expect(page.locator('figure canvas')).toBeVisible();
	const table = page.locator('table.progress');
	const area1 = table.locator('tbody[data-area="1"]');
	await expect(area1.locator('tr').nth(1)).toContainText(firstName);
	await expect(area1.locator('tr').nth(2)).toContainText(nextName);
	await expect(area1.locator('tr').nth(1)).toContainText(/Stufe 3.*|Stufe 4.*/);
	await expect(area1.locator('tr').nth(2)).toContainText(/Abdeckung/);
	await expect(page.locator('details.text-alternative')).toContainText(`${firstName}`);
	const changes = page.locator('table.changes');
	await expect(changes.locator('tr[data-question="1.01"]')).toContainText('teilweise umgesetzt');
	await expect(changes.locator('tr[data-question="1.01"]')).toContainText('umgesetzt und verankert');
	await expect(changes.locator('tr[data-question="1.01"]')).toContainText('besser');
	await expect(changes.locator('tr[data-question="1.02"]')).toContainText('schlechter');
	await expect(page.getByTestId('change-counts')).toContainText('1 besser, 1 schlechter');
	await axe(page);
	for (const width of [360, 768, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.waitForTimeout(300);
		await page.locator('section', { has: page.locator('figure') }).screenshot({ path: `${SHOTS}/progress-${width}-chart.png` });
		await page.locator('section', { has: table }).screenshot({ path: `${SHOTS}/progress-${width}-table.png` });
		await page.getByRole('heading', { name: 'Was sich je Frage geändert hat' }).scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${SHOTS}/progress-${width}-changes.png` });
	}

	// "nur Änderungen" leaves the unchanged questions out (a GET form: the choice is in the address).
	await page.getByLabel('nur Änderungen').check();
	await page.getByRole('button', { name: 'Anzeigen' }).click();
	await expect(page).toHaveURL(/only=1/);
	await expect(changes.locator('tr[data-status="same"]')).toHaveCount(0);
	await expect(changes.locator('tr[data-question="1.01"]')).toBeVisible();

	// The results JSON names last round's figures per area.
	const results = (await (await page.request.get(`/api/assessments/${next}/results`)).json()) as { areas: { area: number; previous: unknown }[] };
	expect(results.areas[0]!.previous).toMatchObject({ assessmentId: first, name: firstName, level: expect.any(Number), coverage: 1 });
	expect(results.areas[1]!.previous).toMatchObject({ assessmentId: first, score: null, level: null, coverage: 0 });
	const firstResults = (await (await page.request.get(`/api/assessments/${first}/results`)).json()) as { areas: { previous: unknown }[] };
	expect(firstResults.areas.every((a) => a.previous === null)).toBe(true);

	// The report has the chapter "Entwicklung".
	await page.goto(`/m/1/assessments/${next}/report`);
	await expect(page.getByTestId('report-development').getByRole('heading', { name: 'Entwicklung' })).toBeVisible();
	await expect(page.getByTestId('report-development')).toContainText(firstName);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a coordinator starts a new round; a taken name is refused with a message and nothing is created', async ({ page, server }) => {
		await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
		const name = unique('Runde ohne JS');
		const previous = await firstRound(page, server.databasePath, name);
		await page.goto(`/m/1/assessments/${previous}`);
		await page.getByLabel(/Name der neuen Runde/).fill(name);
		await page.getByRole('button', { name: 'Neue Runde starten' }).click();
		await expect(page.locator('#round-name-error')).toHaveText('Einen Durchlauf mit diesem Namen gibt es schon. Bitte wählen Sie einen anderen Namen.');
		const nextName = unique('Runde ohne JS, Folge');
		await page.getByLabel(/Name der neuen Runde/).fill(nextName);
		await page.getByRole('button', { name: 'Neue Runde starten' }).click();
		await expect(page.getByRole('status')).toContainText(`Die Runde „${nextName}“ ist angelegt`);
		await expect(page.getByRole('link', { name: `Folgt auf „${name}“` })).toBeVisible();
	});
});

test('the API starts a round only on the same or a newer catalogue edition, and only for coordinators', async ({ page, browser, baseURL, server }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const { shipped } = ids(server.databasePath);
	const first = await firstRound(page, server.databasePath, unique('API-Runde'));

	// A newer edition of the shipped catalogue: 1.03 reworded; a map naming an unknown old question is refused.
	const edition = JSON.parse(readFileSync('db/catalogues/weltoffene-kommune-2026.1.json', 'utf8'));
	edition.version = `2028.${Date.now().toString(36)}`;
	edition.previous = { catalogueId: edition.id, version: '2026.1', questionMap: [{ from: 'gibt-es-nicht', kind: 'dropped' }] };
	const refused = await page.request.post('/api/catalogues?municipality=1', { data: edition });
	expect(refused.status()).toBe(422);
	expect(((await refused.json()) as { problems: { message: string }[] }).problems.map((p) => p.message)).toEqual([
		'alte Frage „gibt-es-nicht“ gibt es in Version 2026.1 nicht'
	]);
	edition.previous.questionMap = [{ from: '1.03', kind: 'reworded', to: ['1.03'] }];
	const stored = await page.request.post('/api/catalogues?municipality=1', { data: edition });
	expect(stored.status(), await stored.text()).toBe(201);
	const newer = ((await stored.json()) as { id: number }).id;

	const next = await page.request.post('/api/assessments', { data: { name: unique('API-Folge'), catalogueId: newer, previousAssessmentId: first } });
	expect(next.status()).toBe(201);
	const nextId = ((await next.json()) as { id: number; previousAssessmentId: number }).id;
	// Back to the older edition: refused, nothing created.
	const count = () => query(server.databasePath, (db) => (db.prepare('select count(*) as n from assessment').get() as { n: number }).n);
	const before = count();
	const older = await page.request.post('/api/assessments', { data: { name: unique('Zurück'), catalogueId: shipped, previousAssessmentId: nextId } });
	expect(older.status()).toBe(422);
	expect(((await older.json()) as { error: string }).error).toBe('catalogueOlder');
	const missing = await page.request.post('/api/assessments', { data: { name: unique('Fremd'), previousAssessmentId: 999_999 } });
	expect(missing.status()).toBe(404);
	expect(count()).toBe(before);

	// An editor may not start a round.
	const editor = await editorPage(browser, baseURL);
	const forbidden = await editor.request.post('/api/assessments', { data: { name: unique('Editor'), previousAssessmentId: first } });
	expect(forbidden.status()).toBe(403);
	await editor.context().close();
	expect(count()).toBe(before);
});

test('the demo shows progress from "Selbstcheck 2024" to "Selbstcheck 2026" at once', async ({ page, axe }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await page.goto('/m/1/assessments/1/progress');
	const area1 = page.locator('table.progress tbody[data-area="1"]');
	await expect(area1.locator('tr').nth(1)).toContainText('Selbstcheck 2024');
	await expect(area1.locator('tr').nth(1)).toContainText('kein Workshop');
	await expect(area1.locator('tr').nth(2)).toContainText('Selbstcheck 2026');
	await expect(area1.locator('tr').nth(2)).toContainText('Stufe 1');
	await expect(page.getByTestId('change-counts')).toBeVisible();
	await axe(page);
});
