import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { DEMO, expect, login, test, unique } from './fixtures';

const FACILITATOR = { email: 'moderation@musterstadt.example', password: 'Musterstadt-2026' };
const SHOTS = '/tmp/shots-g';

async function phone(browser: Browser, baseURL: string | undefined, options: BrowserContextOptions = {}): Promise<Page> {
	const context = await browser.newContext({ baseURL, locale: 'de-DE', viewport: { width: 360, height: 740 }, ...options });
	return context.newPage();
}

/** Joins the workshop (no group), opens the small groups and picks an area. */
async function joinGroup(page: Page, code: string, area: RegExp) {
	await page.goto(`/w/${code}`);
	await page.getByLabel('keine Angabe').check();
	await page.getByRole('button', { name: 'Weiter' }).click();
	await page.getByRole('link', { name: 'Zu den Kleingruppen' }).click();
	await page.waitForURL(/\/group$/);
	await page.getByRole('radio', { name: area }).check();
	await page.getByRole('button', { name: 'Gruppe wählen' }).click();
	await expect(page.getByRole('heading', { level: 2, name: area })).toBeVisible();
}

async function propose(page: Page, what: string, who = '', firstStep = '') {
	await page.getByLabel('Was sollte passieren?').fill(what);
	if (who) await page.getByLabel(/Wer könnte es tun/).fill(who);
	if (firstStep) await page.getByLabel(/Erster Schritt/).fill(firstStep);
	await page.getByRole('button', { name: 'Vorschlag senden' }).click();
	await expect(page.locator('.proposal', { hasText: what })).toBeVisible();
}

test('three participants in two area groups propose and support; the facilitator sees it live; the coordinator makes two measures', async ({ page, browser, baseURL, axe }) => {
	test.setTimeout(120_000);
	mkdirSync(SHOTS, { recursive: true });
	await login(page, FACILITATOR.email, FACILITATOR.password);
	const created = await page.request.post('/api/assessments/1/workshops', { data: { title: unique('Kleingruppen'), areas: [1, 7] } });
	const { id, code } = (await created.json()) as { id: number; code: string };
	await page.goto(`/m/1/workshops/${id}`);
	await page.getByRole('button', { name: 'Kleingruppen starten' }).click();
	await expect(page.getByRole('status')).toHaveText(/Die Kleingruppen laufen/);
	// The overview stays open: proposals appear without a reload.
	await expect(page.getByText('Diese Seite aktualisiert sich von selbst.')).toBeVisible();
	await axe(page);

	const a = await phone(browser, baseURL);
	const b = await phone(browser, baseURL);
	const c = await phone(browser, baseURL, { javaScriptEnabled: false });
	await joinGroup(a, code, /^1\. Management/);
	await joinGroup(b, code, /^7\. Kommunikation/);
	await joinGroup(c, code, /^1\. Management/);

	const ideaA = 'Eine Steuerungsgruppe mit Migrantenorganisationen einrichten';
	await propose(a, ideaA, 'Bürgermeisterbüro', 'Mitglieder benennen');
	await expect(page.locator('#area-1 .proposals')).toContainText(ideaA);
	// A's group sees it live; C (no JavaScript) on reload, and supports it once.
	await c.reload();
	const card = c.locator('.proposal', { hasText: ideaA });
	await card.getByRole('button', { name: /Unterstützen/ }).click();
	await expect(c.locator('.proposal', { hasText: ideaA })).toContainText('1 Unterstützung');
	await expect(c.locator('.proposal', { hasText: ideaA }).getByRole('button', { name: /Unterstützen/ })).toHaveCount(0);
	await expect(a.locator('.proposal', { hasText: ideaA })).toContainText('1 Unterstützung');
	await propose(c, 'Ziele in die Zielvereinbarungen der Fachbereiche aufnehmen');
	// C marks a question "sehe ich anders" with a reason.
	const question = c.locator('.question').first();
	await question.locator('summary').click();
	await question.getByLabel('Warum? (freiwillig)').fill('Kennt kaum jemand');
	await question.getByRole('button', { name: 'Markieren' }).click();
	await expect(c.locator('.question').first()).toContainText('Sie sehen das anders');

	const ideaB = 'Mehrsprachige Konfliktberatung im Quartier';
	await propose(b, ideaB, 'Ordnungsamt');
	// Area 7's group does not see area 1's proposals.
	await expect(b.getByText(ideaA)).toHaveCount(0);
	await expect(page.locator('#area-7 .proposals')).toContainText(ideaB);
	await expect(page.locator('#area-1')).toContainText('Kennt kaum jemand');
	await expect(page.locator('#area-1')).toContainText('1 Unterstützung');
	// No ballot id and no time finer than the minute on the participant's page.
	expect(await a.content()).not.toMatch(/\d{2}:\d{2}:\d{2}/);
	await a.screenshot({ path: `${SHOTS}/group-360.png`, fullPage: true });
	await axe(a);

	// The facilitator hides an abusive proposal; it disappears for the group and stays stored.
	await propose(b, 'Unsinn und Beleidigung');
	const abusive = page.locator('#area-7 li', { hasText: 'Unsinn und Beleidigung' });
	await abusive.getByRole('button', { name: 'Ausblenden' }).click();
	await expect(page.locator('#area-7 li', { hasText: 'Unsinn und Beleidigung' })).toContainText('ausgeblendet von Samuel Okafor');
	await expect(b.getByText('Unsinn und Beleidigung')).toHaveCount(0);
	await page.locator('#summary-1').fill('Mehr Verbindlichkeit in der Steuerung.');
	await page.locator('#area-1').getByRole('button', { name: 'Zusammenfassung speichern' }).click();
	await expect(page.getByRole('status')).toHaveText('Die Zusammenfassung wurde gespeichert.');

	const proposals = (await (await page.request.get(`/api/workshops/${id}/proposals`)).json()) as { id: number; what: string; support: number; hidden: boolean; createdAt: string }[];
	expect(proposals.find((p) => p.what === ideaA)).toMatchObject({ support: 1, hidden: false });
	expect(proposals.find((p) => p.what === 'Unsinn und Beleidigung')?.hidden).toBe(true);
	expect(proposals.every((p) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(p.createdAt))).toBe(true);
	expect(JSON.stringify(proposals)).not.toContain('ballot');

	// The coordinator turns two proposals into measures from the overview.
	const coordinator = await (await browser.newContext({ baseURL, locale: 'de-DE' })).newPage();
	await login(coordinator, DEMO.coordinator.email, DEMO.coordinator.password);
	for (const [idea, owner] of [[ideaA, 'Büro des Bürgermeisters'], [ideaB, 'Ordnungsamt, Abteilung 32']] as const) {
		await coordinator.goto(`/m/1/workshops/${id}/groups`);
		await coordinator.locator('li', { hasText: idea }).getByRole('link', { name: 'Als Maßnahme übernehmen' }).click();
		await expect(coordinator.getByLabel('Titel')).toHaveValue(idea);
		await coordinator.getByLabel(/Verantwortlich/).fill(owner);
		await coordinator.getByLabel('Fällig bis').fill('2027-06-30');
		await coordinator.getByRole('button', { name: 'Maßnahme speichern' }).click();
		await expect(coordinator.getByRole('status')).toHaveText('Die Maßnahme wurde angelegt.');
		await expect(coordinator.locator('.gap strong')).toContainText('Antwortet auf die Abweichung in');
	}
	await coordinator.goto('/m/1/assessments/1/measures');
	await expect(coordinator.locator('#area-1')).toContainText(ideaA);
	await expect(coordinator.locator('#area-7')).toContainText(ideaB);
	await expect(coordinator.locator('#area-7')).toContainText('Antwortet auf die Abweichung in 7. Kommunikation');
	const measures = (await (await coordinator.request.get('/api/assessments/1/measures')).json()) as { title: string; proposalIds: number[] }[];
	expect(measures.find((m) => m.title === ideaA)?.proposalIds).toEqual([proposals.find((p) => p.what === ideaA)!.id]);
	for (const p of [a, b, c, coordinator]) await p.context().close();
});
