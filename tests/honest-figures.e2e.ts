import type { Page } from '@playwright/test';
import { DEMO, expect, login, test } from './fixtures';

/** The deck answers keys once it has hydrated: step forward until it does, then back to the start. */
async function untilKeysWork(page: Page) {
	await expect(async () => {
		await page.keyboard.press('ArrowRight');
		await expect(page.locator('.status')).toContainText('Folie 2', { timeout: 500 });
	}).toPass();
	await page.keyboard.press('Home');
}

// The workshop-trust findings, checked in the built app: one paper ballot is never a headline, a
// rehearsal never replaces the real workshop, and the projector deck fits its screen.

test('a single paper ballot never appears as a divergence on the gap view, the slides or the report', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	// Dated before the demo workshop, so it never becomes the default for other tests.
	const created = await page.request.post('/api/assessments/1/workshops', { data: { title: 'Ein Stimmzettel', heldOn: '2026-01-20' } });
	expect(created.status()).toBe(201);
	const { id } = await created.json();

	// Area 5 was never opened; one paper ballot rates it level 2 (the administration says level 4).
	await page.goto(`/m/1/workshops/${id}`);
	await page.locator('#paper-group').selectOption('Politik');
	await page.locator('#paper-5').selectOption('2');
	await page.locator('form[action^="?/paper"] button[type="submit"]').click();
	await expect(page.getByRole('status').filter({ hasText: /Papier/ }).first()).toBeVisible();

	const json = await (await page.request.get(`/api/assessments/1/results?workshop=${id}`)).json();
	const areaFive = json.areas.find((a: { area: number }) => a.area === 5);
	// Before: "Median 2, starke Abweichung −2".
	expect(areaFive).toMatchObject({
		ratings: 1,
		tooFewRatings: true,
		stakeholderMedian: null,
		gap: null,
		divergence: 'none',
		shareWorse: null,
		shareSame: null,
		shareBetter: null,
		polarised: false,
		adminLevel: 4
	});
	expect(json.workshop).toMatchObject({ id, rehearsal: false });
	expect(typeof areaFive.coverage).toBe('number');

	await page.goto(`/m/1/assessments/1/gap?workshop=${id}`);
	const row = page.locator('section[aria-labelledby="overview-heading"] tr[data-area="5"]');
	await expect(row).toContainText('zu wenige');
	await expect(page.locator('.divergence-strong, .divergence-notable')).toHaveCount(0);
	await expect(page.locator('#area-5')).toContainText('zu wenige Bewertungen (1 < 5) – keine Zahlen');
	await expect(page.locator('#area-5 canvas')).toHaveCount(0);

	await page.goto(`/m/1/assessments/1/gap/present?workshop=${id}`);
	await untilKeysWork(page);
	await page.keyboard.press('r');
	await page.keyboard.press('End');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Die stärksten Abweichungen');
	await expect(page.locator('ol.strongest li')).toHaveCount(0);
	await expect(page.locator('main.deck')).toContainText('Keine Abweichungen');

	await page.goto(`/m/1/assessments/1/report?workshop=${id}`);
	await expect(page.locator('.appendix tr[data-area="5"]')).toContainText('zu wenige');
	await expect(page.locator('section.area').nth(4)).toContainText('zu wenige Bewertungen (1 < 5)');
	await expect(page.locator('section.area').nth(4)).not.toContainText('Abweichung –');
	await expect(page.locator('.report')).not.toContainText('starke Abweichung');
	// Groups below k are "weniger als 5", never their number.
	await expect(page.getByRole('row', { name: /^Politik/ })).toContainText('weniger als 5');
});

test('a rehearsal never becomes the default; every results page names its workshop and lets you switch', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	// Other tests of this worker may have added real workshops: the default is whichever it is now.
	const before = (await (await page.request.get('/api/assessments/1/results')).json()).workshop;
	expect(before).toMatchObject({ rehearsal: false, archived: false });
	// Created last and dated after every other workshop: before, it replaced the default everywhere.
	const created = await page.request.post('/api/assessments/1/workshops', {
		data: { title: 'Probelauf Technik', heldOn: '2027-03-01', rehearsal: true }
	});
	expect(created.status()).toBe(201);
	const { id } = await created.json();

	const json = await (await page.request.get('/api/assessments/1/results')).json();
	expect(json.workshop).toMatchObject({ id: before.id, rehearsal: false });

	await page.goto('/m/1/assessments/1/gap');
	await expect(page.locator('.picker .used')).toContainText(before.title);
	await page.getByRole('navigation', { name: 'Workshop wählen' }).getByRole('link', { name: /Probelauf Technik/ }).click();
	await expect(page).toHaveURL(new RegExp(`workshop=${id}`));
	await expect(page.locator('.picker .used')).toContainText('Probelauf Technik');
	await expect(page.locator('.picker .used .badge')).toHaveText('Probe');

	// The workshops list says which one counts; marked real, the later one becomes the default.
	await page.goto('/m/1/assessments/1/workshops');
	const rehearsalRow = page.getByRole('row', { name: /Probelauf Technik/ });
	await expect(rehearsalRow).toContainText('Probe');
	await expect(page.getByRole('row', { name: new RegExp(before.title) }).first()).toContainText('Standard für Abweichung');
	await rehearsalRow.getByRole('button', { name: 'Keine Probe' }).click();
	await expect(page.getByRole('row', { name: /Probelauf Technik/ }).getByRole('status')).toContainText('Nicht mehr als Probe markiert.');
	expect((await (await page.request.get('/api/assessments/1/results')).json()).workshop.id).toBe(id);
	// Archived, it steps back and the real workshop is the default again.
	await page.getByRole('row', { name: /Probelauf Technik/ }).getByRole('button', { name: 'Archivieren' }).click();
	await expect(page.getByRole('row', { name: /Probelauf Technik/ })).toContainText('archiviert');
	expect((await (await page.request.get('/api/assessments/1/results')).json()).workshop.id).toBe(before.id);
});

for (const size of [
	{ width: 1280, height: 720 },
	{ width: 1920, height: 1080 }
]) {
	test(`every presenter slide fits ${size.width}×${size.height}: no cut footer, nothing spills`, async ({ page }) => {
		await page.setViewportSize(size);
		await login(page, 'moderation@musterstadt.example', 'Musterstadt-2026');
		await page.goto('/m/1/assessments/1/gap/present?workshop=1');
		await untilKeysWork(page);
		await page.keyboard.press('r');
		await expect(page.locator('main.deck')).not.toContainText('verborgen');
		const total = Number((await page.locator('.status').textContent())!.match(/von (\d+)/)![1]);
		for (let slide = 1; slide <= total; slide++) {
			const status = await page.locator('.status').boundingBox();
			expect(status!.y + status!.height, `slide ${slide}`).toBeLessThanOrEqual(size.height);
			const overflow = await page.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
			expect(overflow, `slide ${slide}`).toBe(0);
			const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
			expect(heading!.height).toBeGreaterThan(0);
			if (slide === 3) await page.screenshot({ path: test.info().outputPath(`slide-area-${size.width}x${size.height}.png`) });
			await page.keyboard.press('ArrowRight');
		}
	});
}

test('saving assignments answers next to the button, not far above it', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 720 });
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await page.goto('/m/1/assessments/1');
	const save = page.getByRole('button', { name: 'Zuständigkeiten speichern' });
	await save.click();
	const notice = page.getByRole('status').filter({ hasText: 'Zuständigkeiten wurden gespeichert' });
	await expect(notice).toBeVisible();
	const [button, message] = [await save.boundingBox(), await notice.boundingBox()];
	expect(message!.y - (button!.y + button!.height)).toBeLessThan(80);
	expect(message!.y).toBeGreaterThan(button!.y);
});
