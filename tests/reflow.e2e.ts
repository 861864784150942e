import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { DEMO, expect, login, test } from './fixtures';
import { setup, staffPages } from './a11y-pages';

/*
 * WCAG 1.4.10 reflow: at 320 CSS px (a 1280 px window at 400 % zoom) no page scrolls sideways; only
 * a data table may, inside its own scrolling wrapper. WCAG 1.4.12 text spacing: with line height
 * 1.5, paragraph spacing 2em, letter spacing 0.12em and word spacing 0.16em nothing is clipped.
 * WCAG 2.3.3 / prefers-reduced-motion: nothing animates or scrolls smoothly.
 */

const SHOTS = '/tmp/shots-h';

/** The bookmarklet's style from WCAG's understanding document for 1.4.12, as a stylesheet. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/** Elements that stick out past the viewport's right edge and are not inside a scrolling table wrapper. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const doc = document.documentElement;
		if (doc.scrollWidth <= doc.clientWidth) return [];
		const width = doc.clientWidth;
		const describe = (el: Element) =>
			`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`;
		const culprits: string[] = [];
		for (const el of Array.from(document.body.querySelectorAll('*'))) {
			if (el.parentElement?.closest('.table-wrap') || el.closest('.visually-hidden')) continue;
			const rect = el.getBoundingClientRect();
			if (rect.width > 0 && rect.right > width + 1) {
				// Report the outermost offender only.
				if (!culprits.some((c) => c === describe(el.parentElement!))) culprits.push(describe(el));
			}
		}
		return [`scrollWidth ${doc.scrollWidth} > ${width}`, ...culprits.slice(0, 6)];
	});
}

/** Elements that hide part of their text: overflow hidden/clip and content larger than the box. */
async function clippedText(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		Array.from(document.body.querySelectorAll('*'))
			.filter((el) => {
				// SvelteKit's route announcer is visually hidden on purpose.
				if (el.closest('.visually-hidden, .skip-link, #svelte-announcer') || !(el as HTMLElement).innerText?.trim()) return false;
				// The same visually-hidden pattern set by a media query (e.g. a table's head on a phone): 1 px, clipped on purpose.
				const box = el.getBoundingClientRect();
				if (box.width <= 1 && box.height <= 1) return false;
				const style = getComputedStyle(el);
				const hides = (v: string) => v === 'hidden' || v === 'clip';
				return (
					(hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
					(hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
				);
			})
			.map((el) => `${el.tagName.toLowerCase()}.${(el as HTMLElement).className} in ${el.parentElement?.tagName.toLowerCase()}.${el.parentElement?.className}: ${(el as HTMLElement).innerText.slice(0, 40)}`)
	);
}

test('no page scrolls sideways at 320 CSS px (400 % zoom) or clips text with increased text spacing', async ({ page, browser, baseURL, server }) => {
	test.setTimeout(240_000);
	const { ids, live } = await setup(page, server.databasePath);
	const context = await browser.newContext({ baseURL, locale: 'de-DE', viewport: { width: 320, height: 256 } });
	const coordinatorPage = await context.newPage();
	await login(coordinatorPage, DEMO.coordinator.email, DEMO.coordinator.password);
	const visits = [
		...staffPages(ids),
		{ path: `/m/1/workshops/${live.id}`, label: 'control panel (live)' },
		{ path: '/barrierefreiheit', label: 'statement' }
	];
	const problems: string[] = [];
	// The operator's pages (Betrieb) are visited as the demo operator, who is no member of Musterstadt.
	const operatorContext = await browser.newContext({ baseURL, locale: 'de-DE', viewport: { width: 320, height: 256 } });
	const operatorPage = await operatorContext.newPage();
	await login(operatorPage, DEMO.operator.email, DEMO.operator.password);
	for (const visit of visits) {
		const p = 'operator' in visit && visit.operator ? operatorPage : coordinatorPage;
		await p.setViewportSize({ width: 320, height: 256 });
		await p.goto(visit.path);
		await expect(p.locator('h1').first()).toBeVisible();
		for (const line of await sidewaysOverflow(p)) problems.push(`${visit.label} at 320 px: ${line}`);
		await p.addStyleTag({ content: TEXT_SPACING });
		for (const line of await sidewaysOverflow(p)) problems.push(`${visit.label} at 320 px, text spacing: ${line}`);
		for (const line of await clippedText(p)) problems.push(`${visit.label} at 320 px, text spacing clips: ${line}`);
		await p.setViewportSize({ width: 1280, height: 800 });
		for (const line of await clippedText(p)) problems.push(`${visit.label} at 1280 px, text spacing clips: ${line}`);
	}

	// Participant pages, in German and in Arabic (right to left).
	for (const lang of ['de', 'ar']) {
		const phone = await browser.newContext({ baseURL, locale: 'de-DE', viewport: { width: 320, height: 256 } });
		await phone.addCookies([{ name: 'plang', value: lang, url: baseURL! }]);
		const q = await phone.newPage();
		await q.goto('/w');
		for (const line of await sidewaysOverflow(q)) problems.push(`[${lang}] /w: ${line}`);
		await q.goto(`/w/${live.code}`);
		await q.locator('input[name="group"]').first().check();
		await q.locator('form[action="?/join"] button[type="submit"]').click();
		await expect(q.locator('#area-1')).toBeVisible();
		await q.addStyleTag({ content: TEXT_SPACING });
		for (const line of await sidewaysOverflow(q)) problems.push(`[${lang}] rating, text spacing: ${line}`);
		for (const line of await clippedText(q)) problems.push(`[${lang}] rating, text spacing clips: ${line}`);
		if (lang === 'ar') {
			mkdirSync(SHOTS, { recursive: true });
			await q.screenshot({ path: `${SHOTS}/rating-ar-320-text-spacing.png`, fullPage: true });
		}
		await phone.close();
	}
	await context.close();
	await operatorContext.close();
	expect(problems).toEqual([]);
});

test('the accessibility statement reads well at 360 px and with increased text spacing', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL, locale: 'de-DE', viewport: { width: 360, height: 740 } });
	const p = await context.newPage();
	await p.goto('/barrierefreiheit');
	await expect(p.getByRole('heading', { level: 1 })).toHaveText('Erklärung zur Barrierefreiheit');
	await expect(p.getByRole('link', { name: /Schlichtungsstelle nach § 16/ })).toHaveAttribute('href', 'https://www.schlichtungsstelle-bgg.de/');
	await expect(p.getByRole('contentinfo').getByRole('link', { name: 'Barrierefreiheit' })).toBeVisible();
	mkdirSync(SHOTS, { recursive: true });
	await p.screenshot({ path: `${SHOTS}/statement-360.png`, fullPage: true });
	await p.addStyleTag({ content: TEXT_SPACING });
	expect(await sidewaysOverflow(p)).toEqual([]);
	expect(await clippedText(p)).toEqual([]);
	await p.screenshot({ path: `${SHOTS}/statement-360-text-spacing.png`, fullPage: true });
	await context.close();
});

test('with prefers-reduced-motion nothing animates or scrolls smoothly', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL, locale: 'de-DE', reducedMotion: 'reduce' });
	const p = await context.newPage();
	for (const path of ['/login', '/w', '/barrierefreiheit']) {
		await p.goto(path);
		const moving = await p.evaluate(() =>
			Array.from(document.querySelectorAll('*'))
				.map((el) => ({ el, style: getComputedStyle(el) }))
				.filter(({ style }) => parseFloat(style.animationDuration) > 0.001 || parseFloat(style.transitionDuration) > 0.001 || style.scrollBehavior === 'smooth')
				.map(({ el }) => el.tagName)
		);
		expect(moving, path).toEqual([]);
	}
	await context.close();
});

test('participants hear status messages: the save state is a live region', async ({ page, browser, baseURL, server }) => {
	const { live } = await setup(page, server.databasePath);
	const context = await browser.newContext({ baseURL, locale: 'de-DE' });
	const q = await context.newPage();
	await q.goto(`/w/${live.code}`);
	await q.locator('input[name="group"]').first().check();
	await q.locator('form[action="?/join"] button[type="submit"]').click();
	// role=status is an implicit polite live region; it exists before anything is said into it.
	await expect(q.locator('#area-1 [role="status"]')).toBeAttached();
	await q.locator('#area-1 input[type="radio"]').first().check();
	await expect(q.locator('#area-1 [role="status"]')).toHaveText(/gespeichert/);
	await context.close();
});
