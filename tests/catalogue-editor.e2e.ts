import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO, expect, login, test } from './fixtures';

const SHOTS = '/tmp/shots-e';

async function startDraft(page: Page): Promise<void> {
	await page.goto('/m/1/catalogues');
	await page.getByRole('button', { name: /^Neue Version bearbeiten auf Grundlage von .* Version 2026\.1$/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Entwurf der Version 2026\.1-musterstadt-\d+$/);
}

for (const javaScript of [true, false]) {
	test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled: javaScript });

		test('a coordinator adapts the shipped catalogue, publishes it and starts a Landkreis assessment on it', async ({ page }) => {
			test.setTimeout(90_000);
			await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
			await startDraft(page);
			const version = `2026.1-e2e-${javaScript ? 'js' : 'nojs'}-${test.info().workerIndex}-${Date.now() % 1e8}`;

			// General: a new version number and a threshold that breaks the order of the levels.
			await page.getByLabel('Neue Versionsnummer').fill(version);
			await page.getByLabel('Schwelle: ab … % der Punkte').nth(1).fill('80');
			await page.getByRole('button', { name: 'Speichern' }).click();
			await expect(page.getByRole('status')).toHaveText('Gespeichert.');
			await expect(page.getByText('Vor dem Veröffentlichen ist noch 1 Problem zu beheben.')).toBeVisible();
			await page.getByRole('link', { name: 'Probleme ansehen' }).click();
			await expect(page.locator('.problems')).toContainText('Stufe 2: Schwelle 80 muss kleiner sein als 75 (Stufe 1)');
			await page.getByRole('button', { name: 'Als neue Version veröffentlichen' }).click();
			await expect(page.getByRole('alert')).toHaveText('Nicht veröffentlicht: Der Entwurf ist noch kein gültiger Fragenkatalog.');
			await page.getByRole('link', { name: 'Allgemein und Stufen' }).click();
			await page.getByLabel('Schwelle: ab … % der Punkte').nth(1).fill('50');
			await page.getByRole('button', { name: 'Speichern' }).click();
			await expect(page.getByText('Keine Probleme gefunden: Der Entwurf kann veröffentlicht werden.')).toBeVisible();

			// Area 1: remove the last question, mark one for the Landkreis, move one, add one.
			await page.getByRole('link', { name: 'Handlungsfeld 1 Management und Steuerung' }).click();
			await expect(page.getByRole('heading', { name: 'Fragen (12)' })).toBeVisible();
			await page.locator('#q-11 summary').click();
			await page.getByRole('button', { name: 'Frage 1.12 entfernen' }).click();
			await expect(page.getByRole('heading', { name: 'Fragen (11)' })).toBeVisible();

			await page.locator('#q-2 summary').click();
			const third = page.locator('#q-2');
			await third.getByLabel('Frage (Englisch)').fill('Is it laid down for each department what it contributes to integration?');
			await third.getByRole('checkbox', { name: 'Landkreis' }).check();
			await page.getByRole('button', { name: 'Frage 1.03 nach oben' }).click();
			// Moving keeps what was typed and the marking; the question is now 1.02.
			const moved = page.locator('#q-1');
			await expect(moved.locator('summary')).toContainText('Trifft nicht zu (Profil: Landkreis)');
			await expect(moved.getByLabel('Frage (Deutsch)')).toHaveValue('Ist für jeden Fachbereich festgelegt, welchen Beitrag er zur Integration leistet?');
			await expect(moved.getByLabel('Frage (Englisch)')).toHaveValue('Is it laid down for each department what it contributes to integration?');

			const add = page.locator('#add');
			await expect(add.getByLabel('Kennung')).toHaveValue('1.12');
			await add.getByLabel('Frage (Deutsch)').fill('Gibt es einen Kreistagsausschuss für Integration?');
			await add.getByLabel('Frage (Englisch)').fill('Is there a district council committee for integration?');
			await page.getByRole('button', { name: 'Frage hinzufügen' }).click();
			await expect(page.getByRole('heading', { name: 'Fragen (12)' })).toBeVisible();
			await expect(page.locator('#q-11 summary')).toContainText('Gibt es einen Kreistagsausschuss für Integration?');

			// Publish: a new, frozen version with 105 questions.
			await page.getByRole('link', { name: 'Prüfen und veröffentlichen' }).click();
			await expect(page.getByText('Keine Probleme gefunden: Der Entwurf kann veröffentlicht werden.')).toBeVisible();
			await page.getByRole('button', { name: 'Als neue Version veröffentlichen' }).click();
			await expect(page).toHaveURL(/\/m\/1\/catalogues\?published=\d+/);
			await expect(page.getByRole('status')).toContainText(`Version ${version} mit 105 Fragen ist veröffentlicht.`);
			await expect(page.getByRole('row', { name: new RegExp(version.replace(/\./g, '\\.')) })).toBeVisible();

			// An assessment for a Landkreis on it: the marked questions start as "trifft nicht zu".
			const name = `Kreis-Check ${version}`;
			await page.goto('/m/1');
			await page.getByLabel(/^Name/).fill(name);
			const option = await page.locator('#catalogueId option', { hasText: version }).getAttribute('value');
			await page.getByLabel(/^Fragenkatalog/).selectOption(option!);
			await page.getByLabel(/^Art der Kommune/).selectOption('landkreis');
			await page.getByRole('button', { name: 'Durchlauf anlegen' }).click();
			await page.getByRole('link', { name }).click();
			await expect(page).toHaveURL(/\/m\/1\/assessments\/\d+$/);
			const assessmentUrl = page.url();
			await page.goto(`${assessmentUrl}/areas/1`);
			const marked = page.locator('fieldset.question', { hasText: 'Ist für jeden Fachbereich festgelegt' });
			await expect(marked.locator('.profile-na')).toHaveText('Trifft nicht zu (Profil: Landkreis)');
			await expect(page.locator('fieldset.question', { hasText: 'Hat der Rat ein Integrationskonzept' }).locator('.profile-na')).toHaveCount(0);
			await page.goto(`${assessmentUrl}/areas/3`);
			await expect(page.locator('fieldset.question', { hasText: 'Stadtbibliothek' }).locator('.profile-na')).toHaveText('Trifft nicht zu (Profil: Landkreis)');
			// The agreed answer is set: the agreement page shows "trifft nicht zu" with its reason.
			await page.goto(`${assessmentUrl}/agreement?filter=all&area=1`);
			const agreed = page.locator('article', { hasText: 'Ist für jeden Fachbereich festgelegt' }).locator('.agreed');
			await expect(agreed).toContainText('trifft nicht zu');
			await expect(agreed).toContainText('Bei der Anlage des Durchlaufs gesetzt: Die Frage trifft für das Profil „Landkreis“ nicht zu.');
		});
	});
}

test('an upload with a trailing comma names line and column in German', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await page.goto('/m/1/catalogues');
	const text = '{\n  "id": "komma",\n  "version": "1",\n}\n';
	await page.getByLabel('Katalogdatei').setInputFiles({ name: 'komma.json', mimeType: 'application/json', buffer: Buffer.from(text) });
	await page.getByRole('button', { name: 'Importieren' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Zeile 3, Spalte 17: keine gültige JSON-Datei – überflüssiges Komma? Nach dem letzten Eintrag einer Liste oder eines Objekts darf kein Komma stehen.'
	);
});

test('screenshots of the editor at 360, 768 and 1280 px', async ({ page }) => {
	mkdirSync(SHOTS, { recursive: true });
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await startDraft(page);
	const draftUrl = page.url().replace(/\?.*$/, '');
	for (const width of [360, 768, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.goto(`${draftUrl}?section=3&open=4#q-4`);
		await page.screenshot({ path: `${SHOTS}/editor-area3-${width}.png` });
		await page.goto(`${draftUrl}?section=general`);
		await page.screenshot({ path: `${SHOTS}/editor-general-${width}.png`, fullPage: width === 360 });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, `no sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
	}
	await page.goto('/m/1/catalogues');
	await page.screenshot({ path: `${SHOTS}/catalogues-1280.png`, fullPage: true });
	await page.setViewportSize({ width: 360, height: 900 });
	await page.screenshot({ path: `${SHOTS}/catalogues-360.png`, fullPage: true });
});
