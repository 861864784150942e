import { DEMO, expect, login, test } from './fixtures';

test('the login page has no serious accessibility problems', async ({ page, axe }) => {
	await page.goto('/login');
	await axe(page);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page.locator('#email-error')).toBeVisible();
	await axe(page);
});

test('every staff page has no serious accessibility problems', async ({ page, axe }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	for (const path of ['/m/1', '/m/1/staff', '/m/1/catalogues', '/m/1/catalogues/1', '/account']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await axe(page);
	}
	await page.goto('/m/999');
	await axe(page);
});
