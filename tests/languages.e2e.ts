import type { APIRequestContext, Browser, BrowserContextOptions, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { expect, login, test, unique } from './fixtures';

/*
 * Participants in eight languages (issue 14): each joins and rates in their language with the
 * page's lang/dir right and no German sentence left over; Arabic at 320 px reads right to left;
 * the chooser and the rating work without JavaScript; a workshop offers only the languages the
 * facilitator chose, and the presenter screen says how to join in each of them.
 */

const FACILITATOR = { email: 'moderation@musterstadt.example', password: 'Musterstadt-2026' };
const SHOTS = '/tmp/shots-d';
const PHONE = { width: 360, height: 740 };

const LANGUAGES = [
	{ code: 'de', name: 'Deutsch', dir: 'ltr' },
	{ code: 'en', name: 'English', dir: 'ltr' },
	{ code: 'ar', name: 'العربية', dir: 'rtl' },
	{ code: 'fa', name: 'فارسی', dir: 'rtl' },
	{ code: 'tr', name: 'Türkçe', dir: 'ltr' },
	{ code: 'uk', name: 'Українська', dir: 'ltr' },
	{ code: 'ru', name: 'Русский', dir: 'ltr' },
	{ code: 'de-x-ls', name: 'Leichte Sprache', dir: 'ltr' }
] as const;

/** A workshop created through the staff API with area 1 open; the facilitator's request context. */
async function workshopWith(page: Page, extra: Record<string, unknown> = {}) {
	await login(page, FACILITATOR.email, FACILITATOR.password);
	// A title without German words: it is a proper name on every page.
	const created = await page.request.post('/api/assessments/1/workshops', { data: { title: unique('Forum'), ...extra } });
	expect(created.status()).toBe(201);
	const { id, code } = (await created.json()) as { id: number; code: string };
	await setOpen(page.request, id, [1]);
	return { id, code };
}

async function setOpen(request: APIRequestContext, id: number, areas: number[]) {
	const response = await request.post(`/api/workshops/${id}/areas`, { data: { areas, open: true } });
	expect(response.status()).toBe(200);
}

async function phone(browser: Browser, baseURL: string | undefined, options: BrowserContextOptions = {}): Promise<Page> {
	const context = await browser.newContext({ baseURL, locale: 'de-DE', viewport: PHONE, ...options });
	return context.newPage();
}

async function expectLanguage(page: Page, lang: string, dir: string) {
	await expect(page.locator('html')).toHaveAttribute('lang', lang);
	await expect(page.locator('html')).toHaveAttribute('dir', dir);
}

/** Chooses the language on the first page, joins with the first group and rates area 1 with level 2 (JavaScript on). */
async function joinAndRate(page: Page, code: string, language: (typeof LANGUAGES)[number]) {
	await page.goto(`/w/${code}`);
	// The first page shows the languages unfolded, each named in itself.
	if (language.code !== 'de') await page.getByRole('button', { name: language.name, exact: true }).click();
	await expectLanguage(page, language.code, language.dir);
	await page.locator('form[action="?/join"] input[name="group"]').first().check();
	await page.locator('form[action="?/join"] button[type="submit"]').click();
	const area = page.locator('#area-1');
	await expect(area.locator('.save-line')).toBeAttached();
	await area.locator('input[name="level"][value="2"]').check();
	await expect(area.locator('.save-state.state-saved')).toBeVisible();
	await expect(area.locator('.your-rating')).toBeVisible();
	await expectLanguage(page, language.code, language.dir);
}

/** The page's visible lines, without the ones that carry only proper names or numbers. */
async function visibleLines(page: Page, title: string): Promise<string[]> {
	const text = await page.locator('body').innerText();
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line.length >= 8 && !line.includes(title) && /\p{L}{3}/u.test(line));
}

test('a participant joins and rates in each of the eight languages; nothing is left in German', async ({ page, browser, baseURL }) => {
	test.setTimeout(120_000);
	const { code } = await workshopWith(page);
	let german: string[] = [];
	let workshopTitle = '';
	for (const language of LANGUAGES) {
		const p = await phone(browser, baseURL);
		await joinAndRate(p, code, language);
		workshopTitle ||= (await p.locator('h1').innerText()).trim();
		const lines = await visibleLines(p, workshopTitle);
		if (language.code === 'de') {
			german = lines;
			expect(german.length).toBeGreaterThan(8);
			expect(german).toContain('Stufe 2 – Gut unterwegs');
		} else {
			// No German line may appear on another language's page (Leichte Sprache included).
			expect(lines.filter((line) => german.includes(line)), language.code).toEqual([]);
			expect(lines.length, language.code).toBeGreaterThan(8);
		}
		// The choice is remembered on this device: the code page comes up in the same language.
		await p.goto('/w');
		await expectLanguage(p, language.code, language.dir);
		await p.context().close();
	}
});

test('in Arabic at 320 px the page mirrors and the scale starts with level 1 on the right', async ({ page, browser, baseURL }) => {
	mkdirSync(SHOTS, { recursive: true });
	const { code } = await workshopWith(page);
	const ar = await phone(browser, baseURL, { locale: 'ar-EG', viewport: { width: 320, height: 780 } });
	// The browser's preference picks Arabic without a choice.
	await ar.goto(`/w/${code}`);
	await expectLanguage(ar, 'ar', 'rtl');
	await ar.screenshot({ path: `${SHOTS}/ar-320-group.png`, fullPage: true });
	await ar.locator('form[action="?/join"] input[name="group"]').nth(1).check();
	await ar.locator('form[action="?/join"] button[type="submit"]').click();
	const area = ar.locator('#area-1');
	await expect(area.locator('.save-line')).toBeAttached();
	await area.locator('input[name="level"][value="1"]').check();
	await expect(area.locator('.save-state.state-saved')).toBeVisible();

	expect(await ar.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
	const choices = area.locator('label.choice');
	const first = (await choices.nth(0).boundingBox())!;
	const second = (await choices.nth(1).boundingBox())!;
	const radio = (await area.locator('input[name="level"][value="1"]').boundingBox())!;
	const text = (await choices.nth(0).locator('span').boundingBox())!;
	// Level 1 comes first in reading order: on top, its radio at the start (right) of the row.
	expect(first.y).toBeLessThan(second.y);
	expect(radio.x).toBeGreaterThan(text.x);
	expect(first.x + first.width - (radio.x + radio.width)).toBeLessThan(24);
	expect(await choices.nth(0).innerText()).toContain('المستوى 1');
	// The open area's bar sits on the right, the start side in right-to-left.
	const bar = await area.evaluate((el) => ({ right: getComputedStyle(el).borderRightWidth, left: getComputedStyle(el).borderLeftWidth }));
	expect(bar).toEqual({ right: '6px', left: '1px' });
	// Nothing overflows sideways at 320 px.
	expect(await ar.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
	await ar.screenshot({ path: `${SHOTS}/ar-320.png`, fullPage: true });
	// The scale alone, for the README (docs/rtl-participant.png).
	await area.evaluate((el) => el.scrollIntoView());
	await ar.screenshot({ path: `${SHOTS}/ar-320-scale.png` });

	const ls = await phone(browser, baseURL, { viewport: { width: 320, height: 780 } });
	await joinAndRate(ls, code, LANGUAGES[7]);
	expect(await ls.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
	await ls.screenshot({ path: `${SHOTS}/de-x-ls-320.png`, fullPage: true });
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a participant chooses Ukrainian by a plain form, then joins and rates in Turkish', async ({ page, browser, baseURL }) => {
		const { code } = await workshopWith(page);
		const p = await phone(browser, baseURL, { javaScriptEnabled: false, locale: 'tr-TR' });
		await p.goto('/w');
		await expectLanguage(p, 'tr', 'ltr');
		await expect(p.getByRole('heading', { level: 1 })).toHaveText('Çalıştaya katılın');
		await p.getByRole('button', { name: 'Українська' }).click();
		await expectLanguage(p, 'uk', 'ltr');
		await expect(p.getByRole('heading', { level: 1 })).toHaveText('Долучитися до семінару');
		await p.getByRole('button', { name: 'Türkçe' }).click();
		await p.getByLabel('Kod (6 karakter)').fill(code);
		await p.getByRole('button', { name: 'Devam' }).click();
		await p.getByLabel('Siyaset').check();
		await p.getByRole('button', { name: 'Devam' }).click();
		await expect(p.getByText('Alanınız: Siyaset')).toBeVisible();
		const area = p.locator('#area-1');
		await area.getByLabel(/Düzey 2 – İyi yolda/).check();
		await area.getByRole('button', { name: 'Değerlendirmeyi kaydet' }).click();
		await expect(p.locator('#area-1 .your-rating')).toContainText('Değerlendirmeniz: Düzey 2 – İyi yolda');
		await expectLanguage(p, 'tr', 'ltr');
	});
});

test('a workshop offers the languages the facilitator chose; the presenter says how to join in each', async ({ page, browser, baseURL }) => {
	const { id, code } = await workshopWith(page, { languages: ['de', 'ar', 'tr'] });
	const refused = await page.request.post('/api/assessments/1/workshops', { data: { title: unique('Forum'), languages: ['en', 'xx'] } });
	expect(refused.status()).toBe(422);

	await page.goto(`/m/1/workshops/${id}/presenter`);
	const lines = page.locator('.join-languages li');
	await expect(lines).toHaveCount(2);
	await expect(lines.nth(0)).toHaveAttribute('lang', 'ar');
	await expect(lines.nth(0)).toHaveAttribute('dir', 'rtl');
	await expect(lines.nth(0)).toContainText('امسح رمز QR');
	await expect(lines.nth(0).locator('bdi')).toHaveText(/\/w$/);
	await expect(lines.nth(1)).toContainText('Telefonunuzla katılın');

	// Russian is not offered: German, and the chooser lists only the three.
	const ru = await phone(browser, baseURL, { locale: 'ru-RU' });
	await ru.goto(`/w/${code}`);
	await expectLanguage(ru, 'de', 'ltr');
	await expect(ru.locator('.languages button')).toHaveText(['Deutsch', 'العربية', 'Türkçe']);
	await ru.getByRole('button', { name: 'العربية' }).click();
	await expectLanguage(ru, 'ar', 'rtl');
	await expect(ru.getByRole('heading', { level: 2 }).first()).toHaveText('من أي قطاع أنت؟');
});

test('in Arabic the small-group pages are Arabic too: no German sentence of the German group page, times left to right', async ({ page, browser, baseURL }) => {
	test.setTimeout(90_000);
	const { id, code } = await workshopWith(page);
	await page.goto(`/m/1/workshops/${id}`);
	await page.getByRole('button', { name: 'Kleingruppen starten' }).click();
	await expect(page.getByRole('status')).toHaveText(/Die Kleingruppen laufen/);

	/** Joins, follows the rating page's link to the small groups and chooses area 1; the lines of the chooser and of the group page. */
	async function openGroup(language: (typeof LANGUAGES)[number]) {
		const p = await phone(browser, baseURL);
		await joinAndRate(p, code, language);
		const title = (await p.locator('h1').innerText()).trim();
		await p.locator(`a[href="/w/${code}/group"]`).click();
		await p.waitForURL(/\/group$/);
		await expectLanguage(p, language.code, language.dir);
		const chooser = await visibleLines(p, title);
		await p.locator('input[name="area"][value="1"]').check();
		await p.locator('form[action="?/choose"] button[type="submit"]').click();
		await expect(p.locator('#group-title')).toBeVisible();
		await expectLanguage(p, language.code, language.dir);
		// Question texts and answer labels are catalogue content, German where the catalogue lacks the language.
		const catalogue = await p.locator('[id^="q-text-"]').allInnerTexts();
		const names: string[] = LANGUAGES.map((l) => l.name);
		const lines = [...chooser, ...(await visibleLines(p, title))].filter((line) => !names.includes(line) && !catalogue.some((text) => line.includes(text.trim())));
		return { p, lines };
	}

	const de = await openGroup(LANGUAGES[0]);
	expect(de.lines).toContain('In welcher Gruppe arbeiten Sie?');
	expect(de.lines).toContain('Was die Verwaltung geantwortet hat');
	const ar = await openGroup(LANGUAGES[2]);
	expect(ar.lines.filter((line) => de.lines.includes(line))).toEqual([]);
	expect(ar.lines.length).toBeGreaterThan(8);
	expect(ar.lines).toContain('في أي مجموعة تعمل؟');
	expect(ar.lines).toContain('بماذا أجابت الإدارة');

	// A proposal in Arabic: its time is set apart left to right inside the right-to-left line.
	await ar.p.locator('#what').fill('مزيد من الاستشارة بعدة لغات');
	await ar.p.locator('form[action="?/propose"] button[type="submit"]').click();
	const proposal = ar.p.locator('.proposal', { hasText: 'مزيد من الاستشارة' });
	await expect(proposal).toBeVisible();
	await expect(proposal.locator('.meta bdi[dir="ltr"]')).toHaveText(/^\d{2}:\d{2}$/);
	await expect(proposal.locator('.meta')).toContainText('الساعة');
	for (const p of [de.p, ar.p]) await p.context().close();
});
