import Database from 'better-sqlite3';
import { expect, login, test } from './fixtures';

const FACILITATOR = { email: 'moderation@musterstadt.example', password: 'Musterstadt-2026' };

/** Joins a fresh device (no cookie) through the JSON API and rates area 1; returns the join's status. */
async function device(baseURL: string, code: string, level: number): Promise<number> {
	const joined = await fetch(`${baseURL}/api/w/${code}/ballot`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ group: 'Politik' })
	});
	if (joined.status !== 200) return joined.status;
	const cookie = joined.headers.get('set-cookie')!.split(';')[0]!;
	const rated = await fetch(`${baseURL}/api/w/${code}/ratings`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify({ area: 1, level })
	});
	expect(rated.status).toBe(200);
	return 200;
}

/** Puts the ballots of a workshop with an id above `after` into one minute (written straight into the database). */
function moveBallots(databasePath: string, workshopId: number, after: number, at: string): number {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	db.prepare('update ballot set created_at = ? where workshop_id = ? and id > ?').run(at, workshopId, after);
	const last = db.prepare('select max(id) as id from ballot').get() as { id: number };
	db.close();
	return last.id;
}

const hhmm = (iso: string) =>
	new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(new Date(iso));

test('stuffed ballots are refused beyond the limit, and the facilitator voids and restores one minute', async ({ page, browser, baseURL, server, axe }) => {
	test.setTimeout(90_000);
	await login(page, FACILITATOR.email, FACILITATOR.password);
	const created = await page.request.post('/api/assessments/1/workshops', { data: { title: 'Stuffing-Test', areas: [1, 2] } });
	expect(created.status()).toBe(201);
	const { id, code } = await created.json();
	expect((await page.request.post(`/api/workshops/${id}/areas`, { data: { areas: [1, 2], open: true } })).status()).toBe(200);

	// Three honest devices, five minutes ago.
	for (let i = 0; i < 3; i++) expect(await device(baseURL!, code, 2)).toBe(200);
	const honestMinute = new Date(Date.now() - 5 * 60_000);
	honestMinute.setUTCSeconds(10, 0);
	const lastHonest = moveBallots(server.databasePath, id, 0, honestMinute.toISOString());

	// One address throwing away its cookies: 57 more pass (60 per minute), the next is refused.
	for (let i = 0; i < 57; i++) expect(await device(baseURL!, code, 4)).toBe(200);
	expect(await device(baseURL!, code, 4)).toBe(429);
	const stuffMinute = new Date(Date.now() - 60_000);
	stuffMinute.setUTCSeconds(30, 0);
	moveBallots(server.databasePath, id, lastHonest, stuffMinute.toISOString());

	// A person on a phone behind the same address gets a clear message; one with a cookie still rates.
	const context = await browser.newContext({ baseURL, locale: 'de-DE' });
	const phone = await context.newPage();
	await phone.goto(`/w/${code}`);
	await phone.getByLabel('Politik').check();
	await phone.getByRole('button', { name: 'Weiter' }).click();
	await expect(phone.getByRole('alert')).toContainText('Gerade kommen sehr viele neue Teilnahmen aus Ihrem Netz');
	await context.close();

	await page.goto(`/m/1/workshops/${id}`);
	await expect(page.getByTestId('joined')).toHaveText('60');
	await expect(page.getByTestId(`rate-${hhmm(stuffMinute.toISOString())}`)).toHaveText('57');
	await expect(page.getByTestId(`rate-${hhmm(honestMinute.toISOString())}`)).toHaveText('3');
	await axe(page);

	// Void the stuffed minute: only the honest ballots count.
	await page.getByLabel('Minute', { exact: true }).selectOption({ label: `${hhmm(stuffMinute.toISOString())} (57 Stimmzettel)` });
	await page.getByLabel('Ich habe geprüft').check();
	await page.getByRole('button', { name: 'Ungültig machen' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Stimmzettel aus der Minute' })).toContainText(`57 Stimmzettel aus der Minute ${hhmm(stuffMinute.toISOString())} sind ungültig.`);
	await expect(page.getByTestId('joined')).toHaveText('3');
	await expect(page.getByTestId('count-1')).toHaveText('3');
	await expect(page.getByText(/Minute \d\d:\d\d: 57 Stimmzettel, von Samuel Okafor/)).toBeVisible();

	// Undo: all 60 count again.
	await page.getByRole('button', { name: `Rückgängig machen: Minute ${hhmm(stuffMinute.toISOString())}` }).click();
	await expect(page.getByRole('status').filter({ hasText: 'zählen wieder' })).toBeVisible();
	await expect(page.getByTestId('joined')).toHaveText('60');
	await expect(page.getByTestId('count-1')).toHaveText('60');

	// Voided again, then the workshop ends: the void stands and can no longer be undone.
	await page.getByLabel('Minute', { exact: true }).selectOption({ label: `${hhmm(stuffMinute.toISOString())} (57 Stimmzettel)` });
	await page.getByLabel('Ich habe geprüft').check();
	await page.getByRole('button', { name: 'Ungültig machen' }).click();
	await expect(page.getByTestId('joined')).toHaveText('3');
	page.once('dialog', (dialog) => void dialog.accept());
	await page.getByRole('button', { name: 'Workshop beenden' }).click();
	await expect(page.getByRole('button', { name: /Rückgängig machen/ })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Ungültig machen' })).toHaveCount(0);
	const db = new Database(server.databasePath, { readonly: true });
	const standing = db.prepare('select id from ballot_void where workshop_id = ? and undone_at is null').get(id) as { id: number };
	db.close();
	const undo = await page.request.post(`/m/1/workshops/${id}?/undoVoid`, {
		form: { voidId: String(standing.id) },
		headers: { origin: baseURL!, 'x-sveltekit-action': 'true' }
	});
	expect(JSON.stringify(await undo.json())).toContain('workshopEnded');
	await page.reload();
	await expect(page.getByTestId('joined')).toHaveText('3');
});
