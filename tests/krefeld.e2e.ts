import { request as playwrightRequest } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEMO, expect, login, test, unique } from './fixtures';

/**
 * The Krefeld scenario (December 2020, 34 participants): the administration's agreed answers put
 * areas 1 and 7 at level 1; most of the room says level 3 there. Everything is built through the
 * app's own API, as a coordinator and 34 phones would.
 */
const ADMIN_ANSWERS: Record<number, string> = { 1: '3', 2: '2', 3: '1', 4: '2', 5: '1', 6: '2', 7: '3' };
// Expected administration levels: 100 % → 1; 66.7 % → 2; 33.3 % → 3.
const ADMIN_LEVELS: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 2, 5: 3, 6: 2, 7: 1 };

/** What participant i (0–33) says about an area: areas 1 and 7 mostly level 3, others near the administration. */
function roomLevel(i: number, area: number): number | null {
	if (area === 1 || area === 7) return i < 24 ? 3 : i < 30 ? 2 : 4;
	if (i === 33) return null;
	return ADMIN_LEVELS[area]!;
}

test('Krefeld: a gap of +2 and "starke Abweichung" for exactly areas 1 and 7, everywhere', async ({ page, baseURL }) => {
	test.setTimeout(120_000);
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);

	// The administration's view: a new assessment answered by the coordinator alone (so agreed at once).
	await page.goto('/m/1');
	const name = unique('Krefeld');
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Fragenkatalog').selectOption({ label: 'Selbstcheck Weltoffene Kommune – Standardkatalog – Version 2026.1 (105 Fragen)' });
	await page.getByRole('button', { name: 'Durchlauf anlegen' }).click();
	await page.getByRole('link', { name }).click();
	await page.waitForURL(/\/assessments\/\d+$/);
	const assessmentId = Number(new URL(page.url()).pathname.split('/').pop());
	const catalogue = await (await page.request.get('/m/1/catalogues/1/export')).json();
	for (const area of catalogue.areas) {
		for (const question of area.questions) {
			const response = await page.request.post(`/api/assessments/${assessmentId}/answers`, {
				data: { questionId: question.id, value: ADMIN_ANSWERS[area.number], comment: '', evidence: '' }
			});
			expect(response.status()).toBe(200);
		}
	}

	// The workshop: 34 participants on their own "phones".
	const created = await page.request.post(`/api/assessments/${assessmentId}/workshops`, { data: { title: 'Workshop Krefeld' } });
	const { id: workshopId, code } = await created.json();
	await page.request.post(`/api/workshops/${workshopId}/areas`, { data: { areas: [1, 2, 3, 4, 5, 6, 7], open: true } });
	const groups = ['Verwaltung', 'Politik', 'Zivilgesellschaft', 'Wirtschaft', 'Migrantenorganisation'];
	for (let i = 0; i < 34; i++) {
		const phone = await playwrightRequest.newContext({ baseURL });
		expect((await phone.post(`/api/w/${code}/ballot`, { data: { group: groups[i % groups.length] } })).status()).toBe(200);
		for (let area = 1; area <= 7; area++) {
			const response = await phone.post(`/api/w/${code}/ratings`, { data: { area, level: roomLevel(i, area) } });
			expect(response.status()).toBe(200);
		}
		await phone.dispose();
	}

	// JSON
	const json = await (await page.request.get(`/api/assessments/${assessmentId}/results?workshop=${workshopId}`)).json();
	const byArea = (a: { area: number; adminLevel: number; stakeholderMedian: number; gap: number; divergence: string; ratings: number; unknown: number }) =>
		[a.area, a.adminLevel, a.stakeholderMedian, a.gap, a.divergence];
	expect(json.areas.map(byArea)).toEqual([
		[1, 1, 3, 2, 'strong'],
		[2, 2, 2, 0, 'none'],
		[3, 3, 3, 0, 'none'],
		[4, 2, 2, 0, 'none'],
		[5, 3, 3, 0, 'none'],
		[6, 2, 2, 0, 'none'],
		[7, 1, 3, 2, 'strong']
	]);
	expect(json.areas[1].ratings + json.areas[1].unknown).toBe(34);

	// Results view
	const base = `/m/1/assessments/${assessmentId}`;
	await page.goto(`${base}/gap`);
	const strongRows = page.locator('section[aria-labelledby="overview-heading"] tr:has(.divergence-strong)');
	await expect(strongRows).toHaveCount(2);
	await expect(strongRows.nth(0)).toHaveAttribute('data-area', '1');
	await expect(strongRows.nth(1)).toHaveAttribute('data-area', '7');
	for (const row of [0, 1]) await expect(strongRows.nth(row)).toContainText('+2');

	// Presenter slides: after revealing, exactly areas 1 and 7 carry the badge.
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto(`${base}/gap/present`);
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('r');
	await expect(page.locator('.divergence-strong')).toHaveCount(2);
	await page.keyboard.press('End');
	await expect(page.locator('ol.strongest li')).toHaveCount(2);
	await expect(page.locator('ol.strongest')).toContainText('1. Management und Steuerung');
	await expect(page.locator('ol.strongest')).toContainText('7. Kommunikation und Konfliktmanagement');

	// Report
	await page.goto(`${base}/report?workshop=${workshopId}`);
	for (const area of [1, 7]) await expect(page.locator(`.appendix tr[data-area="${area}"] td`).last()).toHaveText('+2');
	for (const area of [2, 3, 4, 5, 6]) await expect(page.locator(`.appendix tr[data-area="${area}"] td`).last()).toHaveText('0');
	await expect(page.locator('section.area', { hasText: 'starke Abweichung' })).toHaveCount(2);

	// The XLSX, parsed back: its areas sheet says what the JSON says.
	const xlsx = await page.request.get(`${base}/export/results.xlsx?workshop=${workshopId}`);
	expect(xlsx.status()).toBe(200);
	const book = new ExcelJS.Workbook();
	await book.xlsx.load((await xlsx.body()) as unknown as ExcelJS.Buffer);
	const sheet = book.getWorksheet('Handlungsfelder')!;
	const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
	const column = (name: string) => header.indexOf(name) + 1;
	const fromSheet: unknown[][] = [];
	sheet.eachRow((row, number) => {
		if (number === 1) return;
		fromSheet.push(
			['Nr.', 'Verwaltung: Stufe', 'Workshop: Median', 'Abweichung (Workshop − Verwaltung)'].map((name) => row.getCell(column(name)).value)
		);
	});
	expect(fromSheet).toEqual(json.areas.map((a: { area: number; adminLevel: number; stakeholderMedian: number; gap: number }) => [a.area, a.adminLevel, a.stakeholderMedian, a.gap]));
	const ratingsSheet = book.getWorksheet('Bewertungen')!;
	expect(ratingsSheet.rowCount).toBe(1 + 34 * 7);
});
