import { DEMO, login, test } from './fixtures';
const dir = '/tmp/shots-main';
test('shots', async ({ page }) => {
	test.setTimeout(120_000);
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	for (const [w, h] of [[360, 740], [768, 1024], [1366, 900]]) {
		await page.setViewportSize({ width: w, height: h });
		await page.goto('/m/1/assessments/1/gap?workshop=1');
		await page.waitForTimeout(800);
		await page.screenshot({ path: `${dir}/gap-${w}.png`, fullPage: false });
		await page.locator('#area-2').scrollIntoViewIfNeeded();
		await page.waitForTimeout(300);
		await page.screenshot({ path: `${dir}/gap-area2-${w}.png` });
		await page.goto('/m/1/assessments/1/results');
		await page.waitForTimeout(500);
		await page.locator('section[aria-labelledby="table-heading"]').scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${dir}/results-${w}.png` });
		await page.goto('/m/1/assessments/1/workshops');
		await page.screenshot({ path: `${dir}/workshops-${w}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1366, height: 900 });
	await page.goto('/m/1/assessments/1/report?workshop=1');
	await page.waitForTimeout(800);
	await page.screenshot({ path: `${dir}/report.png`, fullPage: true });
	for (const [w, h] of [[1280, 720], [1920, 1080]]) {
		await page.setViewportSize({ width: w, height: h });
		await page.goto('/m/1/assessments/1/gap/present?workshop=1');
		await page.keyboard.press('r');
		for (let i = 0; i < 10; i++) {
			await page.waitForTimeout(300);
			await page.screenshot({ path: `${dir}/present-${w}-${i}.png` });
			await page.keyboard.press('ArrowRight');
		}
	}
});
