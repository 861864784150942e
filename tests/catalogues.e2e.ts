import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, expect, login, test } from './fixtures';

const root = new URL('..', import.meta.url).pathname;
const shipped = JSON.parse(readFileSync(join(root, 'db/catalogues/weltoffene-kommune-2026.1.json'), 'utf8'));

function catalogueFile(name: string, content: unknown): { name: string; mimeType: string; buffer: Buffer } {
	return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) };
}

test('a broken catalogue is refused whole with every problem named by its place', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await page.goto('/m/1/catalogues');
	const before = await page.getByRole('row').count();

	const broken = structuredClone(shipped);
	broken.id = 'kaputt';
	delete broken.areas[2].questions[4].text.de;
	broken.areas[0].questions[1].id = broken.areas[0].questions[0].id;
	broken.areas[6].name.de = 'Kommunikation';
	await page.getByLabel('Katalogdatei').setInputFiles(catalogueFile('kaputt.json', broken));
	await page.getByRole('button', { name: 'Importieren' }).click();

	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Die Datei ist kein gültiger Fragenkatalog und wurde nicht importiert.');
	await expect(alert).toContainText('3 Fehler gefunden:');
	await expect(alert).toContainText('Handlungsfeld 3, Thema Sprache, Frage 3.05: deutscher Text fehlt');
	await expect(alert).toContainText('Handlungsfeld 1, Frage 1.02 (Kennung 1.01): Kennung „1.01“ hat schon Frage 1.01');
	await expect(alert).toContainText('Handlungsfeld 7: Name „Kommunikation“ ist nicht der offizielle; erwartet: „Kommunikation und Konfliktmanagement“');
	await page.goto('/m/1/catalogues');
	await expect(page.getByRole('row')).toHaveCount(before);
});

test('a file that is not JSON gets a clear message', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await page.goto('/m/1/catalogues');
	await page.getByLabel('Katalogdatei').setInputFiles({ name: 'notiz.json', mimeType: 'application/json', buffer: Buffer.from('{ "id": ') });
	await page.getByRole('button', { name: 'Importieren' }).click();
	await expect(page.getByRole('alert')).toContainText('Zeile 1, Spalte 9: keine gültige JSON-Datei – die Datei endet zu früh');
});

test('a good catalogue is imported as a new version; a changed file with the same version is refused', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await page.goto('/m/1/catalogues');

	const own = structuredClone(shipped);
	own.version = `2026.2-${test.info().workerIndex}-${Date.now()}`;
	own.title.de = 'Musterstadt-Katalog';
	own.title.en = 'Musterstadt catalogue';
	own.areas[0].questions.push({ id: '1.99', text: { de: 'Gibt es eine Zusatzfrage?', en: 'Is there an extra question?' } });
	await page.getByLabel('Katalogdatei').setInputFiles(catalogueFile('eigen.json', own));
	await page.getByRole('button', { name: 'Importieren' }).click();
	await expect(page.getByRole('status')).toHaveText(
		`„Musterstadt-Katalog“ Version ${own.version} mit 106 Fragen wurde gespeichert.`
	);
	await expect(page.getByRole('row').filter({ hasText: own.version })).toContainText('nicht verwendet');

	await page.getByLabel('Katalogdatei').setInputFiles(catalogueFile('eigen.json', own));
	await page.getByRole('button', { name: 'Importieren' }).click();
	await expect(page.getByRole('status')).toContainText('ist bereits genau so gespeichert');

	own.areas[0].questions[0].text.de = 'Geänderter Text';
	await page.getByLabel('Katalogdatei').setInputFiles(catalogueFile('eigen.json', own));
	await page.getByRole('button', { name: 'Importieren' }).click();
	await expect(page.getByRole('alert')).toContainText(`Version ${own.version} dieses Katalogs ist bereits mit anderem Inhalt gespeichert`);
	await expect(page.getByRole('row').filter({ hasText: own.version })).toHaveCount(1);

	// The new version can be chosen for a new assessment.
	await page.goto('/m/1');
	await expect(page.getByLabel('Fragenkatalog')).toContainText(`Musterstadt-Katalog – Version ${own.version} (106 Fragen)`);
});

test('the shipped catalogue exports as a file that validates again', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await page.goto('/m/1/catalogues');
	const row = page.getByRole('row').filter({ hasText: 'mitgeliefert' });
	await expect(row).toContainText(/in \d+ Durchl(auf|äufen)/);
	const downloadPromise = page.waitForEvent('download');
	await row.getByRole('link', { name: 'Als Datei herunterladen' }).click();
	const download = await downloadPromise;
	expect(download.suggestedFilename()).toBe('weltoffene-kommune-2026.1.json');
	const dir = join(root, 'test-results');
	mkdirSync(dir, { recursive: true });
	const path = join(dir, `export-${test.info().workerIndex}.json`);
	await download.saveAs(path);
	const exported = JSON.parse(readFileSync(path, 'utf8'));
	expect(exported).toEqual(shipped);

	// Other tests of this worker import versions under the same title: open the shipped one's row.
	await row.getByRole('link', { name: 'Selbstcheck Weltoffene Kommune – Standardkatalog' }).click();
	await expect(page.getByRole('heading', { level: 2, name: '3. Fairer Zugang und Teilhabechancen' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 3 })).toHaveCount(9);
});
