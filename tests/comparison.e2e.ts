import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { DEMO, expect, login, test, unique } from './fixtures';

/*
 * The anonymous comparison end to end: a coordinator opts in on the settings page; with 4 peers
 * the page and the API say "zu wenige", with the 5th peer figures appear — never a peer's name.
 * Peers are written straight into the worker's database as closed rounds with agreed answers (no
 * stored area figures: the app fills those in itself, as for rounds closed before the comparison).
 */

const KIND = 'stadtstaat_bezirk';
const BAND = '100k_500k';

/** A municipality of the test's kind with one closed round whose agreed answers are all `value`. */
function addMunicipality(databasePath: string, name: string, value: string, optedIn: boolean) {
	const db = new Database(databasePath);
	try {
		db.pragma('busy_timeout = 5000');
		return db.transaction(() => {
			const now = new Date().toISOString();
			const municipalityId = Number(
				db
					.prepare('insert into municipality (name, created_at, kind, land, population_band, comparison_opt_in) values (?, ?, ?, ?, ?, ?)')
					.run(name, now, KIND, 'BE', BAND, optedIn ? 1 : 0).lastInsertRowid
			);
			const catalogue = db.prepare('select id, content from catalogue where municipality_id is null order by id').get() as { id: number; content: string };
			const assessmentId = Number(
				db
					.prepare("insert into assessment (municipality_id, name, catalogue_id, created_at, status, closed_at) values (?, ?, ?, ?, 'closed', ?)")
					.run(municipalityId, 'Selbstcheck 2026', catalogue.id, now, now).lastInsertRowid
			);
			const areas = (JSON.parse(catalogue.content) as { areas: { questions: { id: string }[] }[] }).areas;
			const insert = db.prepare(
				"insert into agreed_answer (assessment_id, question_id, value, reason, automatic, version, set_at) values (?, ?, ?, '', 1, 1, ?)"
			);
			for (const area of areas) for (const question of area.questions) insert.run(assessmentId, question.id, value, now);
			return { municipalityId, assessmentId };
		})();
	} finally {
		db.close();
	}
}

/** A coordinator of the municipality: a copy of the demo coordinator's account (same password). */
function addCoordinator(databasePath: string, municipalityId: number, email: string) {
	const db = new Database(databasePath);
	try {
		db.pragma('busy_timeout = 5000');
		const demo = db.prepare('select * from user where email = ?').get(DEMO.coordinator.email) as Record<string, unknown>;
		const columns = Object.keys(demo).filter((c) => c !== 'id');
		const values = columns.map((c) => (c === 'email' ? email : c === 'name' ? 'Koordination Vergleich' : demo[c]));
		const userId = db.prepare(`insert into user (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`).run(...values).lastInsertRowid;
		db.prepare("insert into membership (user_id, municipality_id, role, created_at) values (?, ?, 'coordinator', ?)").run(userId, municipalityId, new Date().toISOString());
	} finally {
		db.close();
	}
}

/** Other specs in this worker may have left municipalities of this kind: take them out of this test's group. */
function isolateKind(databasePath: string) {
	const db = new Database(databasePath);
	try {
		db.pragma('busy_timeout = 5000');
		db.prepare('update municipality set comparison_opt_in = 0 where kind = ?').run(KIND);
		db.prepare('delete from comparison_snapshot where kind = ?').run(KIND);
	} finally {
		db.close();
	}
}

test('the comparison says "zu wenige" with 4 peers and shows figures without names with 5', async ({ page, server, axe }) => {
	test.setTimeout(60_000);
	isolateKind(server.databasePath);
	const ownName = unique('Vergleichsbezirk');
	const own = addMunicipality(server.databasePath, ownName, '2', false);
	const email = `${unique('vergleich').replace(/\s/g, '-').toLowerCase()}@bezirk.example`;
	addCoordinator(server.databasePath, own.municipalityId, email);
	const base = `/m/${own.municipalityId}/assessments/${own.assessmentId}`;

	await login(page, email, DEMO.coordinator.password);

	// Not opted in: the page says so and links to the settings; the API answers 409 with a message.
	await page.goto(`${base}/comparison`);
	await expect(page.getByTestId('comparison-off')).toContainText('nimmt nicht am anonymen Vergleich teil');
	const off = await page.request.get(`/api/assessments/${own.assessmentId}/comparison`);
	expect(off.status()).toBe(409);
	expect(await off.json()).toMatchObject({ error: 'comparisonNotOptedIn', message: expect.stringContaining('Einstellungen') });

	await page.getByRole('link', { name: 'Teilnahme in den Einstellungen der Kommune ändern' }).click();
	await expect(page.getByRole('heading', { name: 'Anonymer Vergleich mit anderen Kommunen' })).toBeVisible();
	await expect(page.getByText('Geteilt werden nur die Punktwerte je Handlungsfeld')).toBeVisible();
	await page.getByRole('button', { name: 'Am Vergleich teilnehmen' }).click();
	await expect(page.getByRole('status')).toHaveText('Ihre Kommune nimmt jetzt am Vergleich teil.');
	await expect(page.getByTestId('comparison-status')).toContainText('Ihre Kommune nimmt am Vergleich teil.');
	await axe(page);

	// 4 peers (plus one that did not opt in): too few everywhere.
	const peerNames = [0, 1, 2, 3].map((i) => unique(`Nachbarbezirk ${i}`));
	for (const [i, name] of peerNames.entries()) addMunicipality(server.databasePath, name, String(i % 4), true);
	addMunicipality(server.databasePath, unique('Ohne Zustimmung'), '3', false);

	const fewer = await page.request.get(`/api/assessments/${own.assessmentId}/comparison`);
	expect(fewer.status()).toBe(200);
	expect((await fewer.json()).areas).toEqual([1, 2, 3, 4, 5, 6, 7].map((area) => ({ area, tooFew: true })));
	await page.goto(`${base}/comparison`);
	await expect(page.locator('tbody tr')).toHaveCount(7);
	await expect(page.locator('tbody td', { hasText: 'zu wenige Vergleichskommunen' })).toHaveCount(7);
	await expect(page.getByText('Noch gibt es in keinem Handlungsfeld genug Vergleichskommunen')).toBeVisible();
	await axe(page);
	if (process.env.COMPARISON_SCREENSHOTS) {
		mkdirSync(process.env.COMPARISON_SCREENSHOTS, { recursive: true });
		await page.screenshot({ path: `${process.env.COMPARISON_SCREENSHOTS}/too-few-1280.png`, fullPage: true });
	}

	// The 5th peer: figures for every area, the group described, no name or id of another municipality.
	const fifth = unique('Nachbarbezirk 4');
	const fifthIds = addMunicipality(server.databasePath, fifth, '3', true);
	const response = await page.request.get(`/api/assessments/${own.assessmentId}/comparison`);
	const body = await response.json();
	expect(body.areas).toHaveLength(7);
	// Own answers all "2" = 66.7 %; peers 0, 33.3, 66.7, 100, 100 %: with the own score 6 values.
	expect(body.areas[0]).toEqual({
		area: 1,
		// The band group alone would do, but the rest of the kind is empty: the whole kind is used.
		group: { type: KIND, municipalities: 6 },
		q1: 42,
		median: 67,
		q3: 92,
		own: { score: 67, position: 'between' }
	});
	const text = JSON.stringify(body);
	for (const name of [...peerNames, fifth]) expect(text).not.toContain(name);
	expect(text).not.toContain(`"id":${fifthIds.municipalityId}`);

	await page.goto(`${base}/comparison`);
	await expect(page.getByText('6 Stadtstaat-Bezirke', { exact: true }).first()).toBeVisible();
	await expect(page.locator('tbody td', { hasText: 'zu wenige' })).toHaveCount(0);
	await expect(page.getByRole('img', { name: /Median 67 %, mittlere Hälfte von 42 bis 92 %, Ihr Wert 67 %/ }).first()).toBeVisible();
	const html = await page.content();
	for (const name of [...peerNames, fifth]) expect(html).not.toContain(name);
	await axe(page);

	const shots = process.env.COMPARISON_SCREENSHOTS;
	if (shots) {
		mkdirSync(shots, { recursive: true });
		for (const width of [360, 768, 1280]) {
			await page.setViewportSize({ width, height: 900 });
			await page.screenshot({ path: `${shots}/comparison-${width}.png`, fullPage: true });
			await page.locator('section.card').screenshot({ path: `${shots}/comparison-chart-${width}.png` });
			await page.locator('.table-wrap').screenshot({ path: `${shots}/comparison-table-${width}.png` });
		}
		await page.goto(`/m/${own.municipalityId}/settings`);
		await page.setViewportSize({ width: 360, height: 900 });
		await page.screenshot({ path: `${shots}/settings-360.png`, fullPage: true });
	}

	// The results page links to the comparison; leaving takes effect at once for the own view.
	await page.goto(`${base}/results`);
	await page.getByRole('link', { name: 'Vergleich mit ähnlichen Kommunen ansehen' }).click();
	await expect(page).toHaveURL(new RegExp(`${base}/comparison$`));
	await page.goto(`/m/${own.municipalityId}/settings`);
	await page.getByRole('button', { name: 'Aus dem Vergleich austreten' }).click();
	await expect(page.getByRole('status')).toHaveText('Ihre Kommune nimmt nicht mehr am Vergleich teil.');
	expect((await page.request.get(`/api/assessments/${own.assessmentId}/comparison`)).status()).toBe(409);
});
