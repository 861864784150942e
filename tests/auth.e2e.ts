import { DEMO, expect, login, test } from './fixtures';

test('a wrong password gets a clear German message and no session', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('E-Mail-Adresse').fill(DEMO.coordinator.email);
	await page.getByLabel('Passwort').fill('falsches-passwort');
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'E-Mail-Adresse oder Passwort ist falsch. Bitte prüfen Sie Ihre Eingabe.'
	);
	await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue(DEMO.coordinator.email);
	await expect(page.getByLabel('Passwort')).toHaveValue('');
	await page.goto('/m');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fm$/);
});

test('an empty form names the missing fields', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page.locator('#email-error')).toHaveText('Bitte füllen Sie dieses Feld aus.');
	await expect(page.locator('#password-error')).toHaveText('Bitte füllen Sie dieses Feld aus.');
});

test('the coordinator logs in, sees the demo municipality and logs out for good', async ({ page, context }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selbstcheck-Durchläufe');
	await expect(page.getByText('Kommune: Musterstadt')).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Selbstcheck 2026' })).toBeVisible();

	const cookie = (await context.cookies()).find((c) => c.name === 'session');
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');

	await page.getByRole('button', { name: 'Abmelden' }).click();
	await expect(page.getByRole('status')).toHaveText('Sie sind abgemeldet.');

	// The old token no longer works: logout ended the session on the server, not just in the browser.
	await context.addCookies([cookie!]);
	await page.goto('/m');
	await expect(page).toHaveURL(/\/login/);
});

test('after five wrong passwords the account is locked for a while, even for the right one', async ({ page }) => {
	const email = 'personal@musterstadt.example';
	for (let i = 0; i < 5; i++) {
		await page.goto('/login');
		await page.getByLabel('E-Mail-Adresse').fill(email);
		await page.getByLabel('Passwort').fill(`falsch-${i}`);
		await page.getByRole('button', { name: 'Anmelden' }).click();
		await expect(page.getByRole('alert')).toBeVisible();
	}
	await page.getByLabel('Passwort').fill(DEMO.editor.password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page.getByRole('alert')).toContainText('Zu viele fehlgeschlagene Anmeldeversuche');
	await page.goto('/m');
	await expect(page).toHaveURL(/\/login/);
});

test('the language switch turns the page English and is remembered', async ({ page }) => {
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	await page.goto('/login');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
	await page.getByRole('button', { name: 'Deutsch' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anmelden');
});

test('pages that need a login send a visitor to it and back afterwards', async ({ page }) => {
	await page.goto('/m/1/catalogues');
	await expect(page).toHaveURL(/\/login\?redirectTo=/);
	await page.getByLabel('E-Mail-Adresse').fill(DEMO.coordinator.email);
	await page.getByLabel('Passwort').fill(DEMO.coordinator.password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page).toHaveURL(/\/m\/1\/catalogues$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fragenkataloge');
});

test('the health endpoint reports the database', async ({ request }) => {
	const response = await request.get('/api/health');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ status: 'ok' });
});
