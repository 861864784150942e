import { request as playwrightRequest } from '@playwright/test';
import { DEMO, expect, login, test } from './fixtures';

// The demo's finished workshop (id 1; other tests add workshops, so it is named) is built like Krefeld 2020: the administration puts areas 1 and 7
// at level 1, the room mostly at level 3.

test('the gap view shows both views, the strong gaps of areas 1 and 7 first, small groups suppressed', async ({ page, axe }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await page.goto('/m/1/assessments/1/gap?workshop=1');
	await expect(page.getByRole('heading', { level: 2 })).toHaveText('Abweichung: Verwaltung und Workshop im Vergleich');
	const rows = page.locator('section[aria-labelledby="overview-heading"] tbody tr');
	await expect(rows).toHaveCount(7);
	await expect(rows.nth(0)).toHaveAttribute('data-area', '1');
	await expect(rows.nth(1)).toHaveAttribute('data-area', '7');
	for (const i of [0, 1]) {
		await expect(rows.nth(i)).toContainText('+2');
		await expect(rows.nth(i)).toContainText('starke Abweichung');
	}
	await expect(page.locator('section[aria-labelledby="overview-heading"] .divergence-strong')).toHaveCount(2);
	const areaOne = page.locator('#area-1');
	await expect(areaOne.getByRole('row', { name: /Wirtschaft/ })).toContainText('zu wenige Stimmen (< 5)');
	await expect(areaOne.getByRole('row', { name: /Zivilgesellschaft/ })).not.toContainText('zu wenige');
	await expect(areaOne.locator('canvas')).toBeVisible();
	await axe(page);

	await page.getByRole('link', { name: 'in offizieller Reihenfolge' }).click();
	await expect(rows.nth(1)).toHaveAttribute('data-area', '2');

	const json = await (await page.request.get('/api/assessments/1/results?workshop=1')).json();
	const strong = json.areas.filter((a: { divergence: string }) => a.divergence === 'strong');
	expect(strong.map((a: { area: number; gap: number; adminLevel: number; stakeholderMedian: number }) => [a.area, a.adminLevel, a.stakeholderMedian, a.gap])).toEqual([
		[1, 1, 3, 2],
		[7, 1, 3, 2]
	]);
	expect(json.areas[0].groups).toContainEqual({ group: 'Wirtschaft', suppressed: true });
});

test('presenter mode is driven by the keyboard, starts hidden and is readable at 1280×720', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 720 });
	await login(page, 'moderation@musterstadt.example', 'Musterstadt-2026');
	await page.goto('/m/1/assessments/1/gap/present?workshop=1');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshop Weltoffene Kommune');
	const fontSize = await page.locator('main.deck').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	expect(fontSize).toBeGreaterThanOrEqual(28);

	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Überblick: beide Sichten');
	await expect(page.locator('tr[data-area="1"]')).not.toContainText('+2');
	await page.keyboard.press('r');
	await expect(page.locator('tr[data-area="1"]')).toContainText('+2');
	await page.keyboard.press('PageDown');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('1. Management und Steuerung');
	await expect(page.locator('main.deck')).toContainText('starke Abweichung');
	await page.screenshot({ path: test.info().outputPath('presenter-area-1280x720.png') });
	await page.keyboard.press(' ');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('7. Kommunikation und Konfliktmanagement');
	await page.keyboard.press('End');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Die stärksten Abweichungen');
	// Areas 1 and 7 (strong: +2), then area 2: its median agrees, but 10 of 30 see it worse (a third: notable).
	await expect(page.locator('ol.strongest li')).toHaveCount(3);
	await expect(page.locator('ol.strongest li').nth(2)).toContainText('2. Interkulturelle Öffnung und Antirassismus');
	await expect(page.locator('ol.strongest li').nth(2)).toContainText('10 von 30 sehen es schlechter als die Verwaltung');
	await page.keyboard.press('PageUp');
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Die stärksten Abweichungen');
	await page.keyboard.press('b');
	await expect(page.locator('main.deck')).toHaveClass(/black/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
	await page.keyboard.press('b');
	await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

	// The same deck on a 1920×1080 projector: nothing spills sideways, the overview fits.
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.keyboard.press('Home');
	await page.keyboard.press('ArrowRight');
	const overflow = await page.evaluate(() => ({
		x: document.documentElement.scrollWidth - document.documentElement.clientWidth,
		y: document.documentElement.scrollHeight - document.documentElement.clientHeight
	}));
	expect(overflow).toEqual({ x: 0, y: 0 });
	await page.screenshot({ path: test.info().outputPath('presenter-overview-1920x1080.png') });
});

test('editors do not see the gap view', async ({ page }) => {
	await login(page, DEMO.editor.email, DEMO.editor.password);
	const response = await page.goto('/m/1/assessments/1/gap');
	expect(response?.status()).toBe(403);
});

test('the report prints both views per area with the recommendation and an appendix', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await page.goto('/m/1/assessments/1/gap?workshop=1');
	await page.getByRole('link', { name: 'Bericht' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Musterstadt: Selbstcheck 2026');
	await expect(page.getByRole('row', { name: /Zivilgesellschaft/ })).toContainText('9');
	await expect(page.locator('section.area')).toHaveCount(7);
	const first = page.locator('section.area').first();
	await expect(first).toContainText('+2 – starke Abweichung');
	await expect(first).toContainText('Anregungen zur Weiterarbeit');
	await expect(page.locator('.appendix tr[data-area="7"]')).toContainText('+2');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Drucken oder als PDF speichern' })).toBeHidden();
	const pdf = await page.pdf({ format: 'A4' });
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	// Cover and overview, one page per area, the appendix.
	expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBeGreaterThanOrEqual(9);
});

test('the gap view updates by itself while ratings arrive', async ({ page, baseURL }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const created = await page.request.post('/api/assessments/1/workshops', { data: { title: 'Live-Test', areas: [1] } });
	const { id, code } = await created.json();
	await page.request.post(`/api/workshops/${id}/areas`, { data: { areas: [1], open: true } });
	await page.goto(`/m/1/assessments/1/gap?workshop=${id}`);
	const row = page.locator('section[aria-labelledby="overview-heading"] tr[data-area="1"]');
	await expect(row.locator('td').last()).toHaveText('0');

	const rateFromPhone = async () => {
		const phone = await playwrightRequest.newContext({ baseURL });
		await phone.post(`/api/w/${code}/ballot`, { data: { group: 'Politik' } });
		await phone.post(`/api/w/${code}/ratings`, { data: { area: 1, level: 4 } });
		await phone.dispose();
	};
	await rateFromPhone();
	// No reload: the page hears the rating and refreshes. One rating is no figure (k = 5).
	await expect(row.locator('td').last()).toHaveText('1');
	await expect(row).toContainText('zu wenige');
	await expect(row).not.toContainText('+3');
	for (let i = 0; i < 4; i++) await rateFromPhone();
	await expect(row.locator('td').last()).toHaveText('5');
	await expect(row).toContainText('+3');
	await page.request.post(`/api/workshops/${id}/flags`, { data: { archived: true } });
});
