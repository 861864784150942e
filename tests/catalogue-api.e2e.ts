import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, expect, login, test } from './fixtures';

const root = new URL('..', import.meta.url).pathname;
const shippedText = readFileSync(join(root, 'db/catalogues/weltoffene-kommune-2026.1.json'), 'utf8');

test('POST /api/catalogues stores a new version, refuses another content for it, and lists it in GET', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const own = JSON.parse(shippedText);
	own.version = `2026.1-api-${test.info().workerIndex}-${Date.now()}`;
	own.areas[0].questions.pop();

	const created = await page.request.post('/api/catalogues?municipality=1', { data: own });
	expect(created.status()).toBe(201);
	const body = await created.json();
	expect(body).toEqual({ id: expect.any(Number), catalogueId: own.id, version: own.version, questions: 104 });

	// The same file again changes nothing; other content under the same version is refused.
	expect((await page.request.post('/api/catalogues', { data: own })).status()).toBe(200);
	own.title.de = 'Anders';
	const conflict = await page.request.post('/api/catalogues?municipality=1', { data: own });
	expect(conflict.status()).toBe(409);
	expect((await conflict.json()).error).toBe('catalogueVersionExists');

	const list = await (await page.request.get('/api/catalogues')).json();
	expect(list).toContainEqual(expect.objectContaining({ id: body.id, version: own.version, questions: 104, municipality: 1 }));
	expect(list).toContainEqual(expect.objectContaining({ catalogueId: own.id, version: '2026.1', municipality: null }));
});

test('POST /api/catalogues answers 422 with every problem named by its place, line and column', async ({ page }) => {
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const broken = JSON.parse(shippedText);
	broken.version = 'kaputt-1';
	broken.areas.splice(3, 1);
	broken.levels[1].minScore = 80;
	const invalid = await page.request.post('/api/catalogues?municipality=1', { data: broken });
	expect(invalid.status()).toBe(422);
	const json = await invalid.json();
	expect(json.error).toBe('invalidCatalogue');
	expect(json.problems).toEqual([
		{ path: 'levels[1].minScore', where: 'Stufe 2', message: 'Schwelle 80 muss kleiner sein als 75 (Stufe 1)' },
		{ path: 'areas', where: 'Katalog', message: 'Handlungsfeld 4 („Arbeit und wirtschaftliche Entwicklung“) fehlt' }
	]);

	const syntax = await page.request.post('/api/catalogues?municipality=1', {
		data: Buffer.from('{\n  "id": "x",\n}'),
		headers: { 'content-type': 'application/json' }
	});
	expect(syntax.status()).toBe(422);
	const [problem] = (await syntax.json()).problems;
	expect(problem).toMatchObject({ line: 2, column: 12, where: 'Zeile 2, Spalte 12' });
	expect(problem.message).toContain('überflüssiges Komma?');

	const list = await (await page.request.get('/api/catalogues?municipality=1')).json();
	expect(list.map((c: { version: string }) => c.version)).not.toContain('kaputt-1');
});

test('only coordinators of the named municipality may store catalogues', async ({ page }) => {
	await login(page, DEMO.editor.email, DEMO.editor.password);
	expect((await page.request.post('/api/catalogues?municipality=1', { data: {} })).status()).toBe(403);
	expect((await page.request.post('/api/catalogues', { data: {} })).status()).toBe(403);
	expect((await page.request.post('/api/catalogues?municipality=999', { data: {} })).status()).toBe(404);
	expect((await page.request.get('/api/catalogues?municipality=999')).status()).toBe(404);
	expect((await page.request.get('/api/catalogues')).status()).toBe(200);
});
