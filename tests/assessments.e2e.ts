import { DEMO, expect, login, test, unique } from './fixtures';

test('the coordinator creates an assessment on the shipped catalogue', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const name = unique('Selbstcheck');
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Fragenkatalog').selectOption({ label: 'Selbstcheck Weltoffene Kommune – Standardkatalog – Version 2026.1 (105 Fragen)' });
	await page.getByRole('button', { name: 'Durchlauf anlegen' }).click();
	await expect(page.getByRole('status')).toHaveText(`Der Durchlauf „${name}“ wurde angelegt.`);
	const row = page.getByRole('row').filter({ hasText: name });
	await expect(row).toContainText('Selbstcheck Weltoffene Kommune – Standardkatalog');
	await expect(row).toContainText('105');

	await page.getByLabel('Name').fill(name);
	await page.getByRole('button', { name: 'Durchlauf anlegen' }).click();
	await expect(page.locator('#name-error')).toHaveText(
		'Einen Durchlauf mit diesem Namen gibt es schon. Bitte wählen Sie einen anderen Namen.'
	);
	await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(1);
});

test('an empty name is refused and nothing is created', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const rows = await page.getByRole('row').count();
	await page.getByRole('button', { name: 'Durchlauf anlegen' }).click();
	await expect(page.locator('#name-error')).toHaveText('Bitte füllen Sie dieses Feld aus.');
	await page.reload();
	await expect(page.getByRole('row')).toHaveCount(rows);
});

test('an editor sees the assessments but cannot create one', async ({ page }) => {
	await login(page, DEMO.editor.email, DEMO.editor.password);
	await expect(page.getByRole('cell', { name: 'Selbstcheck 2026' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Durchlauf anlegen' })).toHaveCount(0);

	// A hand-made POST is refused on the server as well.
	const response = await page.request.post('/m/1?/create', {
		form: { name: 'Heimlich', catalogueId: '1' },
		headers: { origin: new URL(page.url()).origin, accept: 'application/json' }
	});
	expect(response.status()).toBe(403);
	await page.reload();
	await expect(page.getByRole('cell', { name: 'Heimlich' })).toHaveCount(0);
});
