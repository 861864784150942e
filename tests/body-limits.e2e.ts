import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, expect, login, test } from './fixtures';

/*
 * Finding 13: the upload limit is the app's (2 MB, with its own message), not adapter-node's
 * BODY_SIZE_LIMIT. The fixtures start the server with BODY_SIZE_LIMIT=4M, as README recommends.
 */

const root = new URL('..', import.meta.url).pathname;
const shipped = JSON.parse(readFileSync(join(root, 'db/catalogues/weltoffene-kommune-2026.1.json'), 'utf8'));

/** The shipped catalogue under a new version, with help texts padded to about `bytes`. */
function paddedCatalogue(bytes: number, version: string): Buffer {
	const catalogue = structuredClone(shipped);
	catalogue.version = version;
	// Its own title, so other tests' lookups of the shipped catalogue by name stay unique.
	catalogue.title = { de: 'Großer Testkatalog', en: 'Large test catalogue' };
	const questions = catalogue.areas.flatMap((a: { questions: unknown[] }) => a.questions) as { help?: { de: string; en: string } }[];
	const perText = Math.min(9_000, Math.ceil((bytes - JSON.stringify(shipped).length) / questions.length / 2));
	const filler = 'Erläuterung zur Frage. '.repeat(Math.ceil(perText / 23)).slice(0, perText).trim();
	for (const q of questions) q.help = { de: filler, en: filler };
	return Buffer.from(JSON.stringify(catalogue));
}

const upload = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/json', buffer });

test('a valid catalogue of 1.4 MiB is imported (above adapter-node’s default of 512K)', async ({ page }) => {
	const version = `2026.14-${test.info().workerIndex}-${Date.now()}`;
	const file = paddedCatalogue(1.4 * 1024 * 1024, version);
	expect(file.length).toBeGreaterThan(1.3 * 1024 * 1024);
	expect(file.length).toBeLessThan(2 * 1024 * 1024);
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	await page.goto('/m/1/catalogues');
	await page.getByLabel('Katalogdatei').setInputFiles(upload('gross.json', file));
	await page.getByRole('button', { name: 'Importieren' }).click();
	await expect(page.getByRole('status')).toContainText(`Version ${version}`, { timeout: 15_000 });
});

for (const size of [3, 6]) {
	test(`a ${size} MiB file gets the app’s own “too large” message (${size > 4 ? 'over' : 'under'} BODY_SIZE_LIMIT)`, async ({ page }) => {
		await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
		await page.goto('/m/1/catalogues');
		const file = Buffer.alloc(size * 1024 * 1024, ' ');
		await page.getByLabel('Katalogdatei').setInputFiles(upload('riesig.json', file));
		await page.getByRole('button', { name: 'Importieren' }).click();
		await expect(page.getByRole('alert')).toHaveText('Die Datei ist größer als 2 MB und wurde nicht angenommen.', { timeout: 15_000 });
	});
}
