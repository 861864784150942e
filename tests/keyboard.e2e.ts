import type { Locator, Page } from '@playwright/test';
import { DEMO, expect, login, test, unique } from './fixtures';

/*
 * Every flow with the keyboard alone (WCAG 2.1.1): no clicks, no `fill` into a field that was not
 * reached by Tab. Start pages are opened by URL (as a bookmark or a typed address would); from
 * there on only Tab, Shift+Tab, Enter, Space, arrow keys and typing. Each control reached by Tab
 * must show a visible focus indicator (WCAG 2.4.7).
 */

const FACILITATOR = { email: 'moderation@musterstadt.example', password: 'Musterstadt-2026' };

/**
 * Presses Tab (or Shift+Tab) until one of `target`'s elements has the focus; fails when it is not
 * reachable within `max` presses. Checks the focused element shows an outline.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}): Promise<void> {
	for (let i = 0; i <= max; i++) {
		const focused = await target.evaluateAll((els) => els.some((el) => el === document.activeElement));
		if (focused) {
			const outline = await page.evaluate(() => {
				const style = getComputedStyle(document.activeElement!);
				return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
			});
			expect(outline.style, 'visible focus').not.toBe('none');
			expect(outline.width, 'visible focus').toBeGreaterThanOrEqual(2);
			return;
		}
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
	}
	throw new Error(`Not reachable with ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses: ${target}`);
}

async function loginByKeyboard(page: Page, email: string, password: string) {
	await page.goto('/login');
	await tabTo(page, page.locator('input[name="email"]'));
	await page.keyboard.type(email);
	await page.keyboard.press('Tab');
	await expect(page.locator('input[name="password"]')).toBeFocused();
	await page.keyboard.type(password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => url.pathname !== '/login', { timeout: 15_000 });
}

test.describe('keyboard only', () => {
	test('the skip link comes first and moves the focus to the content', async ({ page }) => {
		await page.goto('/login');
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#main$/);
		await page.keyboard.press('Tab');
		// The next stop is inside the content, not back in the header.
		expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
	});

	for (const lang of ['de', 'ar'] as const) {
		test(`a participant enters the code, picks a group and rates (${lang})`, async ({ page, browser, baseURL }) => {
			await login(page, FACILITATOR.email, FACILITATOR.password);
			const created = await page.request.post('/api/assessments/1/workshops', { data: { title: unique('Tastatur'), areas: [1, 2, 3] } });
			const { id, code } = (await created.json()) as { id: number; code: string };
			expect((await page.request.post(`/api/workshops/${id}/areas`, { data: { areas: [2], open: true } })).status()).toBe(200);

			const context = await browser.newContext({ baseURL, locale: 'de-DE', viewport: { width: 360, height: 740 } });
			await context.addCookies([{ name: 'plang', value: lang, url: baseURL! }]);
			const p = await context.newPage();
			await p.goto('/w');
			await tabTo(p, p.locator('input[name="code"]'));
			await p.keyboard.type(code);
			await p.keyboard.press('Enter');
			await p.waitForURL(new RegExp(`/w/${code}`));

			// The group: the first radio takes the focus, arrows move the choice, Tab leaves the group.
			const groups = p.locator('input[name="group"]');
			await tabTo(p, groups);
			await p.keyboard.press('ArrowDown');
			await p.keyboard.press('Space');
			const chosen = await groups.evaluateAll((els) => els.findIndex((el) => (el as HTMLInputElement).checked));
			expect(chosen).toBeGreaterThanOrEqual(0);
			await tabTo(p, p.locator('form[action="?/join"] button[type="submit"]'));
			await p.keyboard.press('Enter');

			const area = p.locator('#area-2');
			await expect(area).toBeVisible();
			await expect(p.locator('.save-line').first()).toBeAttached();
			await tabTo(p, area.locator('input[type="radio"]'));
			await p.keyboard.press('Space');
			await p.keyboard.press('ArrowDown');
			await expect(area.locator('input[type="radio"]').nth(1)).toBeChecked();
			await expect(area.getByRole('status')).toHaveText(/✓/);
			await p.reload();
			await expect(area.locator('input[type="radio"]').nth(1)).toBeChecked();
			await context.close();
		});
	}

	test('an editor answers questions of an area and saves them', async ({ page }) => {
		await loginByKeyboard(page, DEMO.editor.email, DEMO.editor.password);
		await page.goto('/m/1/assessments/1/areas/1');
		await expect(page.locator('fieldset.question').first()).toBeVisible();
		const first = page.locator('fieldset.question').first();
		const radios = first.locator('input[type="radio"]');
		await tabTo(page, radios);
		const before = await radios.evaluateAll((els) => els.findIndex((el) => el === document.activeElement));
		// Other specs of this worker read the demo's answers: put this one back at the end.
		const original = {
			questionId: '1.01',
			value: await radios.nth(before).getAttribute('value'),
			comment: await first.locator('textarea').inputValue()
		};
		await page.keyboard.press(before === 0 ? 'ArrowDown' : 'ArrowUp');
		const after = before === 0 ? 1 : before - 1;
		await expect(radios.nth(after)).toBeChecked();
		// The comment field comes next; with JavaScript every answer saves itself (no save button), and
		// the question's live status says when it is stored.
		await tabTo(page, first.locator('textarea'));
		const comment = unique('Per Tastatur');
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type(comment);
		await expect(first.locator('.save-state')).toHaveAttribute('aria-live', 'polite');
		await page.keyboard.press('Tab');
		await expect(first.locator('.save-state')).toHaveText('✓ Gespeichert', { timeout: 8000 });
		await page.reload();
		await expect(first.locator('textarea')).toHaveValue(comment);
		await expect(first.locator('input[type="radio"]').nth(after)).toBeChecked();
		expect((await page.request.post('/api/assessments/1/answers', { data: original })).status()).toBe(200);
	});

	test('the coordinator agrees an answer', async ({ page }) => {
		await loginByKeyboard(page, DEMO.coordinator.email, DEMO.coordinator.password);
		await page.goto('/m/1/assessments/1/agreement');
		// Compact rows: the form opens on demand, by Enter on the question's summary.
		const question = page.locator('details').filter({ has: page.locator('form[action^="?/agree"]') }).first();
		await tabTo(page, question.locator('summary'));
		await page.keyboard.press('Enter');
		const form = question.locator('form[action^="?/agree"]');
		await expect(form).toBeVisible();
		const radios = form.locator('input[type="radio"]');
		await tabTo(page, radios);
		await page.keyboard.press('ArrowDown');
		const checked = await radios.evaluateAll((els) => els.findIndex((el) => (el as HTMLInputElement).checked));
		expect(checked).toBeGreaterThanOrEqual(0);
		await tabTo(page, form.locator('textarea'));
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type('Per Tastatur abgestimmt.');
		await tabTo(page, form.locator('button[type="submit"]'));
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status').filter({ hasText: /abgestimmte Antwort zu Frage .* wurde gespeichert/ })).toBeVisible();
	});

	test('the facilitator opens and closes areas and enters a paper ballot on the control panel', async ({ page }) => {
		await loginByKeyboard(page, FACILITATOR.email, FACILITATOR.password);
		const created = await page.request.post('/api/assessments/1/workshops', { data: { title: unique('Tastatur-Moderation'), areas: [1, 2, 3] } });
		const { id } = (await created.json()) as { id: number };
		await page.goto(`/m/1/workshops/${id}`);

		await tabTo(page, page.getByRole('button', { name: 'Alle öffnen' }));
		await page.keyboard.press('Enter');
		const closeFirst = page.getByRole('button', { name: /^Schließen: Management/ });
		await expect(closeFirst).toBeVisible();
		// Shift+Tab works as well as Tab: the focus may stay on the (now disabled) button or move on.
		await tabTo(page, closeFirst, { max: 40 }).catch(() => tabTo(page, closeFirst, { back: true, max: 40 }));
		await page.keyboard.press('Enter');
		await expect(page.getByRole('button', { name: /^Öffnen: Management/ })).toBeVisible();
		await expect(page.getByRole('button', { name: /^Schließen: Interkulturelle/ })).toBeVisible();

		// A paper ballot: selects change with the arrow keys.
		await tabTo(page, page.locator('#paper-group'));
		await page.keyboard.press('ArrowDown');
		await expect(page.locator('#paper-group')).not.toHaveValue('');
		await tabTo(page, page.locator('#paper-2'));
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await expect(page.locator('#paper-2')).toHaveValue('2');
		await tabTo(page, page.getByRole('button', { name: 'Stimmzettel speichern' }));
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('feedback-paper')).toHaveText(/gezählt/);
		await expect(page.getByTestId('paper-count')).toContainText('1 Papierstimmzettel');
	});

	test('the presenter opens the deck from the results by keyboard and drives it with arrows, R, B and F', async ({ page, context }) => {
		await page.setViewportSize({ width: 1280, height: 720 });
		await loginByKeyboard(page, FACILITATOR.email, FACILITATOR.password);
		await page.goto('/m/1/assessments/1/gap?workshop=1');
		// The deck opens in a new tab (Enter on the link), as a presenter opens it on the projector.
		await tabTo(page, page.getByRole('link', { name: 'Auf der Leinwand zeigen' }));
		const [deck] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
		await deck.waitForLoadState();
		await deck.setViewportSize({ width: 1280, height: 720 });
		const heading = deck.getByRole('heading', { level: 1 });
		await expect(heading).toHaveText('Workshop Weltoffene Kommune');
		// The keys work once the deck's script has started.
		await expect(async () => {
			if ((await heading.textContent()) !== 'Überblick: beide Sichten') await deck.keyboard.press('ArrowRight');
			await expect(heading).toHaveText('Überblick: beide Sichten', { timeout: 500 });
		}).toPass();
		await expect(deck.locator('tr[data-area="1"]')).not.toContainText('+2');
		await deck.keyboard.press('r');
		await expect(deck.locator('tr[data-area="1"]')).toContainText('+2');
		await deck.keyboard.press('b');
		await expect(heading).toHaveCount(0);
		await deck.keyboard.press('b');
		await expect(heading).toHaveText('Überblick: beide Sichten');
		// F asks for full screen; headless Chromium may refuse, but the deck stays usable.
		await deck.keyboard.press('f');
		await deck.keyboard.press('ArrowLeft');
		await expect(heading).toHaveText('Workshop Weltoffene Kommune');
	});
});
