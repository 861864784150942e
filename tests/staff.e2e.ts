import type { Browser, Page } from '@playwright/test';
import { DEMO, expect, login, test, unique } from './fixtures';

/** Invites a new address on the staff page and returns the one-time link shown to the coordinator. */
async function invite(page: Page, email: string, role: string): Promise<string> {
	await page.goto('/m/1/staff');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Rolle', { exact: true }).selectOption({ label: role });
	await page.getByRole('button', { name: 'Einladen' }).click();
	await expect(page.getByRole('status')).toContainText(`Einladung für ${email} erstellt.`);
	return (await page.getByTestId('invitation-link').textContent())!.trim();
}

/** Opens an invitation link in a fresh browser and creates the account through it. */
async function acceptAsNewPerson(browser: Browser, baseURL: string | undefined, link: string, name: string, password: string) {
	const context = await browser.newContext({ baseURL });
	const newcomer = await context.newPage();
	await newcomer.goto(link);
	await newcomer.getByLabel('Ihr Name').fill(name);
	await newcomer.getByLabel('Passwort', { exact: true }).fill(password);
	await newcomer.getByLabel('Passwort wiederholen').fill(password);
	await newcomer.getByRole('button', { name: 'Konto anlegen und Einladung annehmen' }).click();
	await newcomer.waitForURL(/\/m\/1$/, { timeout: 15_000 });
	return { context, newcomer };
}

test('the coordinator invites an editor who sets a password through the link and is logged in', async ({ page, browser, baseURL }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await page.getByRole('link', { name: 'Mitarbeitende' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mitarbeitende');

	const name = unique('Lea Berger');
	const email = `${name.split(' ').pop()}@musterstadt.example`;
	const link = await invite(page, email, 'Bearbeitung');
	expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{43}$/);
	// Pending: listed by e-mail only, with "Zurückziehen".
	await expect(page.getByRole('button', { name: `Einladung zurückziehen: ${email}` })).toBeVisible();

	const { context, newcomer } = await acceptAsNewPerson(browser, baseURL, link, name, 'ein-langes-passwort');
	await expect(newcomer.getByText('Ihre Rolle: Bearbeitung')).toBeVisible();
	await expect(newcomer.getByRole('link', { name: 'Mitarbeitende' })).toHaveCount(0);
	const forbidden = await newcomer.goto('/m/1/staff');
	expect(forbidden?.status()).toBe(403);
	// The link works once.
	await newcomer.goto(link);
	await expect(newcomer.getByRole('alert')).toContainText('Diese Einladung gibt es nicht (mehr)');

	await page.reload();
	await expect(page.getByRole('cell', { name: email })).toBeVisible();
	await expect(page.getByRole('button', { name: `Einladung zurückziehen: ${email}` })).toHaveCount(0);

	// Deactivated: the next request already has no access.
	await page.getByRole('button', { name: `Deaktivieren: ${name}` }).click();
	await expect(page.getByRole('status')).toHaveText(`${name} wurde deaktiviert.`);
	// Deactivation also ends the person's sessions (issue 9, finding 2): back to the login.
	await newcomer.goto('/m/1');
	await expect(newcomer).toHaveURL(/\/login/);
	await context.close();
});

test('a withdrawn invitation link no longer works', async ({ page, browser, baseURL }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const email = `${unique('zurueck').split(' ').pop()}@musterstadt.example`;
	const link = await invite(page, email, 'Moderation');
	await page.getByRole('button', { name: `Einladung zurückziehen: ${email}` }).click();
	await expect(page.getByRole('status')).toHaveText(`Die Einladung für ${email} wurde zurückgezogen.`);
	const context = await browser.newContext({ baseURL });
	const other = await context.newPage();
	await other.goto(link);
	await expect(other.getByRole('alert')).toContainText('Diese Einladung gibt es nicht (mehr)');
	await expect(other.getByLabel('Ihr Name')).toHaveCount(0);
	await context.close();
});

test('a bad invitation form keeps the input and names each problem', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await page.goto('/m/1/staff');
	const rows = await page.getByRole('row').count();
	await page.getByLabel('E-Mail-Adresse').fill('kein-at-zeichen');
	await page.getByRole('button', { name: 'Einladen' }).click();
	await expect(page.locator('#email-error')).toHaveText(
		'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@stadt.de.'
	);
	await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue('kein-at-zeichen');
	await page.reload();
	await expect(page.getByRole('row')).toHaveCount(rows);

	await page.getByLabel('E-Mail-Adresse').fill(DEMO.editor.email);
	await page.getByRole('button', { name: 'Einladen' }).click();
	await expect(page.locator('#email-error')).toHaveText('Diese Person gehört bereits zu dieser Kommune.');
});

test('a password reset ends the old password and shows a new one-time password', async ({ page, browser, baseURL }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const name = unique('Kai Reset');
	const email = `${name.split(' ').pop()}@musterstadt.example`;
	const first = 'das-erste-passwort';
	const link = await invite(page, email, 'Bearbeitung');
	const invited = await acceptAsNewPerson(browser, baseURL, link, name, first);
	await invited.context.close();
	await page.goto('/m/1/staff');

	await page.getByRole('button', { name: `Passwort zurücksetzen: ${name}` }).click();
	await expect(page.getByRole('status')).toContainText(`Das Passwort von ${name} wurde zurückgesetzt`);
	const second = (await page.locator('code.secret').textContent())!.trim();
	expect(second).not.toBe(first);

	const context = await browser.newContext({ baseURL });
	const other = await context.newPage();
	await other.goto('/login');
	await other.getByLabel('E-Mail-Adresse').fill(email);
	await other.getByLabel('Passwort').fill(first);
	await other.getByRole('button', { name: 'Anmelden' }).click();
	await expect(other.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort ist falsch');
	await login(other, email, second);

	// The person sets their own password on "Mein Konto".
	await other.goto('/account');
	await other.getByLabel('Aktuelles Passwort').fill(second);
	await other.getByLabel('Neues Passwort', { exact: true }).fill('kurz');
	await other.getByLabel('Neues Passwort wiederholen').fill('kurz');
	await other.getByRole('button', { name: 'Passwort ändern' }).click();
	await expect(other.locator('#next-error')).toHaveText('Das neue Passwort muss mindestens 10 Zeichen lang sein.');
	await other.getByLabel('Aktuelles Passwort').fill(second);
	await other.getByLabel('Neues Passwort', { exact: true }).fill('ein-langes-passwort');
	await other.getByLabel('Neues Passwort wiederholen').fill('ein-langes-passwort');
	await other.getByRole('button', { name: 'Passwort ändern' }).click();
	await expect(other.getByRole('status')).toHaveText('Ihr Passwort wurde geändert.');
	await context.close();
});
