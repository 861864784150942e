import ExcelJS from 'exceljs';
import { DEMO, expect, login, test } from './fixtures';

const FACILITATOR = { email: 'moderation@musterstadt.example', password: 'Musterstadt-2026' };
const EXPORT = '/m/1/assessments/1/export';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ApiArea {
	area: number;
	adminLevel: number | null;
	stakeholderMedian: number | null;
	gap: number | null;
}

async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(body as unknown as ExcelJS.Buffer);
	return book;
}

/** The sheet's data rows as objects keyed by the header row. */
function records(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
	const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
	const rows: Record<string, unknown>[] = [];
	sheet.eachRow((row, number) => {
		if (number === 1) return;
		rows.push(Object.fromEntries(header.map((name, c) => [name, row.getCell(c + 1).value ?? null])));
	});
	return rows;
}

test('the coordinator downloads a workbook whose areas sheet agrees with the results API', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const api = await page.request.get('/api/assessments/1/results');
	expect(api.status()).toBe(200);
	const { areas } = (await api.json()) as { areas: ApiArea[] };

	const response = await page.request.get(`${EXPORT}/results.xlsx`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe(XLSX);
	expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="ergebnisse\.xlsx"; filename\*=UTF-8''/);
	const book = await readWorkbook(await response.body());
	expect(book.worksheets.map((s) => s.name)).toEqual(['Handlungsfelder', 'Antworten', 'Bewertungen', 'Maßnahmenplan']);

	const sheet = records(book.getWorksheet('Handlungsfelder')!);
	const figures = sheet.map((row) => ({
		area: row['Nr.'],
		adminLevel: row['Verwaltung: Stufe'],
		stakeholderMedian: row['Workshop: Median'],
		gap: row['Abweichung (Workshop − Verwaltung)']
	}));
	expect(figures).toEqual(
		areas.map((a) => ({
			area: a.area,
			adminLevel: a.adminLevel ?? 'nicht bewertbar',
			stakeholderMedian: a.stakeholderMedian,
			gap: a.gap
		}))
	);
	// The coordinator sees who answered what.
	expect(book.getWorksheet('Antworten')!.getRow(1).cellCount).toBeGreaterThan(6);
});

test('the areas and ratings also come as CSV for German Excel', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const areas = await page.request.get(`${EXPORT}/areas.csv`);
	expect(areas.status()).toBe(200);
	expect(areas.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const areaText = await areas.text();
	expect(areaText.startsWith('\uFEFFNr.;Handlungsfeld;')).toBe(true);
	expect(areaText.trimEnd().split('\r\n')).toHaveLength(8);

	const ratings = await page.request.get(`${EXPORT}/ratings.csv`);
	expect(ratings.status()).toBe(200);
	expect((await ratings.text()).startsWith('\uFEFFWorkshop;Handlungsfeld;Gruppe;Stufe;Abgabe;Zeit\r\n')).toBe(true);
});

test('a facilitator may download the workbook, with the agreed answers only', async ({ page }) => {
	await login(page, FACILITATOR.email, FACILITATOR.password);
	const response = await page.request.get(`${EXPORT}/results.xlsx`);
	expect(response.status()).toBe(200);
	const book = await readWorkbook(await response.body());
	const answers = book.getWorksheet('Antworten')!;
	expect((answers.getRow(1).values as unknown[]).slice(1)).toEqual([
		'Frage-ID',
		'Handlungsfeld',
		'Thema',
		'Frage',
		'Abgestimmte Antwort',
		'Begründung'
	]);
	expect(answers.rowCount).toBe(106);
});

test('an editor may not download the exports', async ({ page }) => {
	await login(page, DEMO.editor.email, DEMO.editor.password);
	for (const file of ['results.xlsx', 'areas.csv', 'ratings.csv']) {
		expect((await page.request.get(`${EXPORT}/${file}`)).status(), file).toBe(403);
	}
});

test('a workshop that is not the assessment’s is not found', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	for (const file of ['results.xlsx', 'areas.csv', 'ratings.csv']) {
		expect((await page.request.get(`${EXPORT}/${file}?workshop=999`)).status(), file).toBe(404);
	}
});
