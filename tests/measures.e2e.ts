import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync } from 'node:fs';
import { DEMO, expect, login, test } from './fixtures';
import { query } from './routes';

const SHOTS = '/tmp/shots-g';

test('the plan shows the demo measures by area with their gap; the coordinator creates and changes one with history; docx and XLSX hold them', async ({ page, axe, server }) => {
	test.setTimeout(90_000);
	mkdirSync(SHOTS, { recursive: true });
	await page.setViewportSize({ width: 1280, height: 900 });
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	// The plan compares against the default workshop: other specs of this worker may have added later
	// real ones; archived, they step back and the demo workshop is the default again.
	const others = query(server.databasePath, (db) =>
		db.prepare("select id from workshop where assessment_id = 1 and id <> 1 and rehearsal = 0 and archived_at is null").all() as { id: number }[]
	);
	for (const { id } of others) expect((await page.request.post(`/api/workshops/${id}/flags`, { data: { archived: true } })).status()).toBe(200);
	// Other specs of this worker may have turned proposals into measures: count from here.
	const before = ((await (await page.request.get('/api/assessments/1/measures')).json()) as unknown[]).length;
	expect(before).toBeGreaterThanOrEqual(6);
	await page.goto('/m/1/assessments/1/measures');
	await expect(page.getByRole('heading', { name: 'Maßnahmenplan' })).toBeVisible();
	await expect(page.locator('.coverage')).toContainText(/Handlungsfeldern mit starker Abweichung haben mindestens eine Maßnahme/);
	await expect(page.locator('#area-1')).toContainText('Steuerungsgruppe Vielfalt einrichten');
	await expect(page.locator('#area-1')).toContainText(/Verwaltung: 1 · Workshop \(Median\): 3/);
	await expect(page.getByText(/überfällig/).first()).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/plan-1280.png`, fullPage: true });
	await axe(page);

	// Filter: only measures in progress.
	await page.locator('select[name="status"]').selectOption('in_progress');
	await page.getByRole('button', { name: 'Anwenden' }).click();
	await expect(page.locator('#area-1')).toContainText('Steuerungsgruppe Vielfalt einrichten');
	await expect(page.getByText('Integrationsbericht jährlich im Rat')).toHaveCount(0);

	// Create from scratch; a due date before the start is refused with a message, nothing written.
	await page.goto('/m/1/assessments/1/measures/new');
	await axe(page);
	await page.getByLabel('Titel').fill('Leitbild Weltoffenheit überarbeiten');
	await page.getByLabel('1. Management und Steuerung').check();
	await page.getByLabel('Antwortet auf die Abweichung in').selectOption('1');
	await page.getByLabel('Betrag', { exact: true }).check();
	await page.getByLabel('Betrag in Euro').fill('5000');
	await page.getByLabel('Beginn').fill('2027-05-01');
	await page.getByLabel('Fällig bis').fill('2027-01-01');
	await page.getByRole('button', { name: 'Maßnahme speichern' }).click();
	await expect(page.getByText('Das Fälligkeitsdatum liegt vor dem Beginn.')).toBeVisible();
	await page.getByLabel('Fällig bis').fill('2027-12-31');
	await page.getByRole('button', { name: 'Maßnahme speichern' }).click();
	await expect(page.getByRole('status')).toHaveText('Die Maßnahme wurde angelegt.');
	await page.locator('#status').selectOption('in_progress');
	await page.getByRole('button', { name: 'Maßnahme speichern' }).click();
	await expect(page.getByRole('status')).toHaveText('Die Maßnahme wurde gespeichert.');
	await expect(page.locator('table').last()).toContainText('geplant → in Umsetzung');
	await page.locator('#note-text').fill('Entwurf liegt dem Verwaltungsvorstand vor.');
	await page.getByRole('button', { name: 'Stand festhalten' }).click();
	await expect(page.locator('#notes')).toContainText('Entwurf liegt dem Verwaltungsvorstand vor.');
	await axe(page);

	// The API: list, change with a stale version → 409, editors may read but not change.
	const list = (await (await page.request.get('/api/assessments/1/measures')).json()) as { id: number; title: string; version: number }[];
	const mine = list.find((m) => m.title === 'Leitbild Weltoffenheit überarbeiten')!;
	expect(list).toHaveLength(before + 1);
	const stale = await page.request.patch(`/api/measures/${mine.id}`, { data: { title: 'Alt', version: 1 } });
	expect(stale.status()).toBe(409);
	expect((await stale.json()).error).toBe('measureConflict');
	const bad = await page.request.patch(`/api/measures/${mine.id}`, { data: { dueOn: '2027-02-31' } });
	expect(bad.status()).toBe(422);
	const patched = await page.request.patch(`/api/measures/${mine.id}`, { data: { priority: 'high', version: mine.version } });
	expect(patched.status()).toBe(200);

	// The Word document and the workbook hold the measures.
	const docx = await page.request.get('/m/1/assessments/1/measures/plan.docx');
	expect(docx.headers()['content-type']).toContain('wordprocessingml');
	const xml = await (await JSZip.loadAsync(await docx.body())).file('word/document.xml')!.async('string');
	for (const title of ['Steuerungsgruppe Vielfalt einrichten', 'Konfliktanlaufstelle im Quartier', 'Leitbild Weltoffenheit überarbeiten']) expect(xml).toContain(title);
	expect(xml).toContain('Antwortet auf die Abweichung in 1. Management und Steuerung');
	expect(xml).toContain('Zusammenfassung der Kleingruppe');
	const book = new ExcelJS.Workbook();
	await book.xlsx.load((await (await page.request.get('/m/1/assessments/1/export/results.xlsx')).body()) as unknown as ArrayBuffer);
	const sheet = book.getWorksheet('Maßnahmenplan')!;
	const titles = sheet.getColumn(2).values.map(String);
	expect(titles).toEqual(expect.arrayContaining(['Steuerungsgruppe Vielfalt einrichten', 'Leitbild Weltoffenheit überarbeiten']));
	const csv = await (await page.request.get('/m/1/assessments/1/measures/plan.csv')).text();
	expect(csv).toContain('Konfliktanlaufstelle im Quartier');

	// The report has the chapter "Maßnahmen".
	await page.goto('/m/1/assessments/1/report');
	await expect(page.getByRole('heading', { level: 2, name: 'Maßnahmen' })).toBeVisible();

	// An editor reads the plan, sees no form, and the API refuses a change.
	const editor = await (await page.context().browser()!.newContext({ baseURL: page.url().split('/m/')[0] })).newPage();
	await login(editor, DEMO.editor.email, DEMO.editor.password);
	await editor.goto(`/m/1/assessments/1/measures/${mine.id}`);
	await expect(editor.getByRole('button', { name: 'Maßnahme speichern' })).toHaveCount(0);
	expect((await editor.request.patch(`/api/measures/${mine.id}`, { data: { title: 'Nein' } })).status()).toBe(403);
	await editor.context().close();
});
