import Database from 'better-sqlite3';
import { hashPassword } from '../src/lib/server/accounts/passwords';
import { DEMO, expect, login, test } from './fixtures';

/**
 * A second municipality with its own coordinator, assessment and imported catalogue, written
 * straight into this worker's database: the app has no page that creates municipalities.
 */
async function seedNeighbour(databasePath: string, tag: string) {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	const now = new Date().toISOString();
	const passwordHash = await hashPassword('Nachbarstadt-2026');
	const municipality = db.prepare('insert into municipality (name, created_at) values (?, ?)').run(`Nachbarstadt ${tag}`, now);
	const municipalityId = Number(municipality.lastInsertRowid);
	const email = `koordination-${tag}@nachbarstadt.example`;
	const user = db
		.prepare('insert into user (email, name, password_hash, created_at) values (?, ?, ?, ?)')
		.run(email, 'Koordination Nachbarstadt', passwordHash, now);
	db.prepare('insert into membership (user_id, municipality_id, role, created_at) values (?, ?, ?, ?)').run(
		user.lastInsertRowid, municipalityId, 'coordinator', now
	);
	const shipped = db.prepare('select * from catalogue where municipality_id is null').get() as Record<string, unknown>;
	const catalogue = db
		.prepare(
			`insert into catalogue (municipality_id, catalogue_key, version, title_de, title_en, question_count, content, imported_at)
			 values (?, ?, ?, 'Geheimer Katalog', 'Secret catalogue', ?, ?, ?)`
		)
		.run(municipalityId, 'nachbar', '1', shipped.question_count, shipped.content, now);
	db.prepare('insert into assessment (municipality_id, name, catalogue_id, created_at) values (?, ?, ?, ?)').run(
		municipalityId, 'Nachbar-Check', catalogue.lastInsertRowid, now
	);
	db.close();
	return { municipalityId, catalogueId: Number(catalogue.lastInsertRowid), email };
}

test("a coordinator can neither read nor change another municipality's data", async ({ page, server }) => {
	const neighbour = await seedNeighbour(server.databasePath, `${test.info().workerIndex}${Date.now()}`);
	await login(page, DEMO.coordinator.email, DEMO.coordinator.password);
	const base = `/m/${neighbour.municipalityId}`;

	for (const path of [base, `${base}/staff`, `${base}/catalogues`, `${base}/catalogues/${neighbour.catalogueId}`]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
		await expect(page.getByText('Nachbar-Check')).toHaveCount(0);
	}
	const exported = await page.request.get(`${base}/catalogues/${neighbour.catalogueId}/export`);
	expect(exported.status()).toBe(404);
	// Its imported catalogue is not reachable through Musterstadt's address either.
	const viaOwn = await page.request.get(`/m/1/catalogues/${neighbour.catalogueId}/export`);
	expect(viaOwn.status()).toBe(404);

	const origin = new URL(page.url()).origin;
	const create = await page.request.post(`${base}?/create`, {
		form: { name: 'Eingeschleust', catalogueId: '1' },
		headers: { origin, accept: 'application/json' }
	});
	expect(create.status()).toBe(404);
	// Nor can Musterstadt pin its assessment to the neighbour's catalogue.
	await page.goto('/m/1');
	const pinned = await page.request.post('/m/1?/create', {
		form: { name: 'Fremder Katalog', catalogueId: String(neighbour.catalogueId) },
		headers: { origin, accept: 'application/json' }
	});
	expect((await pinned.json()).type).toBe('failure');

	// The neighbour's own coordinator sees exactly their data.
	await page.getByRole('button', { name: 'Abmelden' }).click();
	await login(page, neighbour.email, 'Nachbarstadt-2026');
	await expect(page).toHaveURL(new RegExp(`${base}$`));
	await expect(page.getByRole('cell', { name: 'Nachbar-Check' })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Eingeschleust' })).toHaveCount(0);
	await expect(page.getByRole('cell', { name: 'Fremder Katalog' })).toHaveCount(0);
	const musterstadt = await page.goto('/m/1');
	expect(musterstadt?.status()).toBe(404);
});
