import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { DEMO, expect, login, test, unique } from './fixtures';
import { query } from './routes';

/*
 * Issue 12 as one journey: the operator creates a municipality and invites its coordinator, who
 * accepts, runs a round, closes it, starts the next one and sees the progress chart; the anonymous
 * comparison says "zu wenige" with 4 peers and shows figures with 5. Peers are written straight into
 * the worker's database as closed rounds (what 400 real municipalities would have done over years).
 */

const KIND = 'landkreis';
const BAND = '50k_100k';
const PASSWORD = 'Journeykreis-2026';

const catalogue = JSON.parse(readFileSync('db/catalogues/weltoffene-kommune-2026.1.json', 'utf8')) as {
	areas: { questions: { id: string }[] }[];
};
const area1 = catalogue.areas[0]!.questions.map((q) => q.id);

/** Other specs in this worker may have left municipalities of this kind: take them out of this group. */
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

/** An opted-in peer of the same kind with one closed round whose agreed answers are all `value`. */
function addPeer(databasePath: string, value: string) {
	const db = new Database(databasePath);
	try {
		db.pragma('busy_timeout = 5000');
		db.transaction(() => {
			const now = new Date().toISOString();
			const municipality = db
				.prepare('insert into municipality (name, created_at, kind, land, population_band, comparison_opt_in) values (?, ?, ?, ?, ?, 1)')
				.run(unique('Nachbarkreis'), now, KIND, 'BY', BAND).lastInsertRowid;
			const shipped = db.prepare("select id from catalogue where municipality_id is null and version = '2026.1'").get() as { id: number };
			const assessment = db
				.prepare("insert into assessment (municipality_id, name, catalogue_id, created_at, status, closed_at) values (?, 'Selbstcheck 2026', ?, ?, 'closed', ?)")
				.run(municipality, shipped.id, now, now).lastInsertRowid;
			const insert = db.prepare(
				"insert into agreed_answer (assessment_id, question_id, value, reason, automatic, version, set_at) values (?, ?, ?, '', 1, 1, ?)"
			);
			for (const area of catalogue.areas) for (const question of area.questions) insert.run(assessment, question.id, value, now);
		})();
	} finally {
		db.close();
	}
}

async function answerArea1(request: APIRequestContext, assessment: number, value: string) {
	for (const questionId of area1) {
		const response = await request.post(`/api/assessments/${assessment}/answers`, { data: { questionId, value, comment: '', evidence: '' } });
		expect(response.status(), await response.text()).toBe(200);
	}
}

test('operator → coordinator → two rounds → progress → comparison with 4 and with 5 peers', async ({ page, browser, baseURL, server }) => {
	test.setTimeout(180_000);
	isolateKind(server.databasePath);

	// The operator creates the municipality and gets its coordinator's invitation link.
	await login(page, DEMO.operator.email, DEMO.operator.password);
	const name = unique('Landkreis Journey');
	const email = `koordination-${Date.now().toString(36)}@journeykreis.example`;
	const created = await page.request.post('/api/municipalities', {
		data: { name, kind: KIND, land: 'BY', populationBand: BAND, coordinatorEmail: email }
	});
	expect(created.status(), await created.text()).toBe(201);
	const { id: municipalityId, invitation } = (await created.json()) as { id: number; invitation: { url: string } };

	// The coordinator accepts in a browser of their own.
	const context = await browser.newContext({ baseURL });
	const coordinator = await context.newPage();
	await coordinator.goto(new URL(invitation.url).pathname);
	await coordinator.getByLabel('Ihr Name').fill('Koordination Journeykreis');
	await coordinator.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
	await coordinator.getByLabel('Passwort wiederholen').fill(PASSWORD);
	await coordinator.getByRole('button', { name: 'Konto anlegen und Einladung annehmen' }).click();
	await coordinator.waitForURL(new RegExp(`/m/${municipalityId}$`));

	// The first round: area 1 answered "teilweise umgesetzt", then closed with a reason for the rest.
	const shipped = query(server.databasePath, (db) => db.prepare("select id from catalogue where municipality_id is null and version = '2026.1'").get() as { id: number });
	const firstName = 'Selbstcheck 2026';
	const first = await coordinator.request.post('/api/assessments', { data: { name: firstName, catalogueId: shipped.id, municipalityId } });
	expect(first.status(), await first.text()).toBe(201);
	const firstId = ((await first.json()) as { id: number }).id;
	await answerArea1(coordinator.request, firstId, '2');
	await coordinator.goto(`/m/${municipalityId}/assessments/${firstId}`);
	await coordinator.getByRole('link', { name: 'Fragebogen abschließen' }).click();
	await coordinator.getByLabel('Begründung für das Abschließen').fill('Erste Runde nur für Handlungsfeld 1.');
	await coordinator.getByRole('button', { name: 'Trotzdem abschließen' }).click();
	await expect(coordinator.locator('.status-closed')).toBeVisible();

	// The operator sees the stage, not the content.
	const overview = (await (await page.request.get('/api/municipalities')).json()) as { id: number; stage: string }[];
	expect(overview.find((m) => m.id === municipalityId)?.stage).toBe('questionnaireClosed');
	expect((await page.request.get(`/api/assessments/${firstId}/results`)).status()).toBeGreaterThanOrEqual(403);

	// The next round, started from the closed one; area 1 gets better.
	await coordinator.getByLabel(/Name der neuen Runde/).fill('Selbstcheck 2028');
	await coordinator.getByRole('button', { name: 'Neue Runde starten' }).click();
	await expect(coordinator.getByRole('status')).toContainText('Die Runde „Selbstcheck 2028“ ist angelegt');
	const nextId = Number(/assessments\/(\d+)/.exec(coordinator.url())?.[1]);
	expect(nextId).toBeGreaterThan(firstId);
	await answerArea1(coordinator.request, nextId, '3');

	// Progress: the chart and the table hold both rounds, oldest first.
	await coordinator.getByRole('link', { name: 'Entwicklung über die Runden' }).first().click();
	await expect(coordinator.locator('figure canvas')).toBeVisible();
	const rows = coordinator.locator('table.progress tbody[data-area="1"] tr');
	await expect(rows.nth(1)).toContainText(firstName);
	await expect(rows.nth(2)).toContainText('Selbstcheck 2028');

	// The comparison: opt in, 4 peers → too few; the 5th → figures, no names.
	await coordinator.goto(`/m/${municipalityId}/settings`);
	await coordinator.getByRole('button', { name: 'Am Vergleich teilnehmen' }).click();
	await expect(coordinator.getByRole('status')).toHaveText('Ihre Kommune nimmt jetzt am Vergleich teil.');
	for (const value of ['0', '1', '2', '3']) addPeer(server.databasePath, value);
	const fewer = await coordinator.request.get(`/api/assessments/${firstId}/comparison`);
	expect(fewer.status()).toBe(200);
	expect(((await fewer.json()) as { areas: unknown[] }).areas[0]).toEqual({ area: 1, tooFew: true });
	await coordinator.goto(`/m/${municipalityId}/assessments/${firstId}/comparison`);
	await expect(coordinator.locator('tbody tr').first()).toContainText('zu wenige Vergleichskommunen');

	addPeer(server.databasePath, '3');
	const figures = (await (await coordinator.request.get(`/api/assessments/${firstId}/comparison`)).json()) as { areas: unknown[] };
	// Own area 1: all "2" = 66.7 %; peers 0, 33.3, 66.7, 100, 100 %.
	expect(figures.areas[0]).toEqual({
		area: 1,
		group: { type: KIND, municipalities: 6 },
		q1: 42,
		median: 67,
		q3: 92,
		own: { score: 67, position: 'between' }
	});
	expect(JSON.stringify(figures)).not.toContain('Nachbarkreis');
	await coordinator.reload();
	await expect(coordinator.locator('tbody tr').first()).not.toContainText('zu wenige');
	await expect(coordinator.getByRole('img', { name: /Median 67 %, mittlere Hälfte von 42 bis 92 %, Ihr Wert 67 %/ }).first()).toBeVisible();
	expect(await coordinator.content()).not.toContain('Nachbarkreis');
	await context.close();
});
