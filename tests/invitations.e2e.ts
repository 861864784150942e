import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { hashPassword } from '../src/lib/server/accounts/passwords';
import { DEMO, expect, login, test } from './fixtures';

/** A second municipality with its own coordinator, written straight into this worker's database. */
async function seedNeighbour(databasePath: string, tag: string) {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	const now = new Date().toISOString();
	const name = `Nachbarstadt ${tag}`;
	const municipality = db.prepare('insert into municipality (name, created_at) values (?, ?)').run(name, now);
	const municipalityId = Number(municipality.lastInsertRowid);
	const email = `koordination-${tag}@nachbarstadt.example`;
	const user = db
		.prepare('insert into user (email, name, password_hash, created_at) values (?, ?, ?, ?)')
		.run(email, 'Koordination Nachbarstadt', await hashPassword('Nachbarstadt-2026'), now);
	db.prepare('insert into membership (user_id, municipality_id, role, created_at) values (?, ?, ?, ?)').run(
		user.lastInsertRowid,
		municipalityId,
		'coordinator',
		now
	);
	db.close();
	return { municipalityId, name, email, password: 'Nachbarstadt-2026' };
}

async function inviteFrom(page: Page, municipalityId: number, email: string, role: string) {
	await page.goto(`/m/${municipalityId}/staff`);
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Rolle', { exact: true }).selectOption({ label: role });
	await page.getByRole('button', { name: 'Einladen' }).click();
	await expect(page.getByRole('status')).toContainText(`Einladung für ${email} erstellt.`);
	const link = (await page.getByTestId('invitation-link').textContent())!.trim();
	// What the coordinator reads, with the address and the link taken out.
	const answer = (await page.getByRole('status').innerText()).replace(link, '<link>').replace(email, '<email>');
	return { link, answer, html: await page.content() };
}

test("another municipality's coordinator invites an existing address: no name shown, the person accepts after login", async ({
	page,
	browser,
	baseURL,
	server,
	axe
}) => {
	const neighbour = await seedNeighbour(server.databasePath, `${test.info().workerIndex}${Date.now().toString(36)}`);
	await login(page, neighbour.email, neighbour.password);

	// The answer for an existing address and for an unknown one looks the same and names no one.
	const existing = await inviteFrom(page, neighbour.municipalityId, DEMO.editor.email, 'Moderation');
	expect(existing.html).not.toContain('Aylin Demir');
	const unknown = await inviteFrom(page, neighbour.municipalityId, `niemand-${Date.now()}@example.org`, 'Moderation');
	expect(existing.answer).toBe(unknown.answer);
	await expect(page.getByRole('cell', { name: DEMO.editor.email, exact: true })).toBeVisible();
	await expect(page.getByText('Aylin Demir')).toHaveCount(0);

	// The link alone does not open an existing account.
	const stranger = await browser.newContext({ baseURL });
	const strangerPage = await stranger.newPage();
	await strangerPage.goto(existing.link);
	await axe(strangerPage);
	await strangerPage.getByLabel('Ihr Name').fill('Übernahme');
	await strangerPage.getByLabel('Passwort', { exact: true }).fill('uebernahme-1234');
	await strangerPage.getByLabel('Passwort wiederholen').fill('uebernahme-1234');
	await strangerPage.getByRole('button', { name: 'Konto anlegen und Einladung annehmen' }).click();
	await expect(strangerPage.getByRole('alert')).toContainText('Bitte melden Sie sich an, um die Einladung anzunehmen.');
	await stranger.close();

	// The person logs in with their own password and accepts on the municipality chooser.
	const context = await browser.newContext({ baseURL });
	const editor = await context.newPage();
	await login(editor, DEMO.editor.email, DEMO.editor.password);
	await expect(editor).toHaveURL(/\/m$/);
	await expect(editor.getByText(`${neighbour.name} lädt Sie ein als: Moderation`)).toBeVisible();
	await axe(editor);
	await editor.getByRole('button', { name: `Einladung annehmen: ${neighbour.name}` }).click();
	await editor.waitForURL(new RegExp(`/m/${neighbour.municipalityId}$`));
	await expect(editor.getByText('Ihre Rolle: Moderation')).toBeVisible();
	await context.close();

	// Only now does the person appear in the neighbour's staff list.
	await page.goto(`/m/${neighbour.municipalityId}/staff`);
	await expect(page.getByRole('rowheader', { name: 'Aylin Demir (Integrationsbüro)', exact: true })).toBeVisible();
});

test('a person declines an invitation after login', async ({ page, browser, baseURL, server }) => {
	const neighbour = await seedNeighbour(server.databasePath, `d${test.info().workerIndex}${Date.now().toString(36)}`);
	await login(page, neighbour.email, neighbour.password);
	await inviteFrom(page, neighbour.municipalityId, DEMO.coordinator.email, 'Bearbeitung');

	const context = await browser.newContext({ baseURL });
	const other = await context.newPage();
	await login(other, DEMO.coordinator.email, DEMO.coordinator.password);
	await other.getByRole('button', { name: `Einladung ablehnen: ${neighbour.name}` }).click();
	await expect(other.getByRole('status')).toHaveText('Die Einladung wurde abgelehnt.');
	await expect(other.getByRole('link', { name: DEMO.municipality })).toBeVisible();
	await expect(other.getByRole('link', { name: neighbour.name })).toHaveCount(0);
	expect((await other.goto(`/m/${neighbour.municipalityId}`))?.status()).toBe(404);
	await context.close();

	await page.goto(`/m/${neighbour.municipalityId}/staff`);
	await expect(page.getByText('Keine offenen Einladungen.')).toBeVisible();
});
