import type { Page } from '@playwright/test';
import { expect, login, test, wcagViolations, DEMO } from './fixtures';
import { setup, staffPages, WORKSHOP_PAGES } from './a11y-pages';
import { listPages } from './routes';

/*
 * BITV 2.0 (WCAG 2.1 AA) on every page: each page listed from src/routes is opened in both of its
 * languages — staff pages in German and English, participant pages in German and Arabic (right to
 * left) — and axe checks every WCAG 2.1 A/AA rule. Any violation fails, whatever its impact.
 * A new page without a way to reach it here fails the test, so it cannot go unchecked.
 */

/** Runs axe on each page state; collects violations so one run lists them all. */
function checker(lang: string) {
	const found: string[] = [];
	const counts = { pages: 0, rules: 0 };
	return {
		found,
		counts,
		async check(p: Page, label: string) {
			await expect(p.locator('h1').first()).toBeVisible();
			const violations = await wcagViolations(p, (n) => (counts.rules += n));
			counts.pages++;
			for (const v of violations) found.push(`[${lang}] ${label}: ${v}`);
		},
		report() {
			console.log(`a11y [${lang}]: ${counts.pages} page states, ${counts.rules} rule checks, ${found.length} violations`);
			expect(found).toEqual([]);
		}
	};
}

for (const lang of ['de', 'en'] as const) {
	test(`every staff page passes axe WCAG 2.1 A/AA in ${lang}`, async ({ page, browser, baseURL, server }) => {
		test.setTimeout(240_000);
		const { ids, live } = await setup(page, server.databasePath);
		const { check, report } = checker(lang);
		const context = await browser.newContext({ baseURL, locale: 'de-DE' });
		const staff = await context.newPage();
		await login(staff, DEMO.coordinator.email, DEMO.coordinator.password);
		await context.addCookies([{ name: 'lang', value: lang, url: baseURL! }]);
		// The operator's pages (Betrieb) are visited as the demo operator, who is no member of Musterstadt.
		const operatorContext = await browser.newContext({ baseURL, locale: 'de-DE' });
		const operator = await operatorContext.newPage();
		await login(operator, DEMO.operator.email, DEMO.operator.password);
		await operatorContext.addCookies([{ name: 'lang', value: lang, url: baseURL! }]);
		for (const visit of staffPages(ids)) {
			const visitor = visit.operator ? operator : staff;
			const response = await visitor.goto(visit.path);
			expect(response?.status(), `${visit.label} (${visit.path})`).toBeLessThan(visit.operator ? 300 : 500);
			await check(visitor, visit.label);
		}
		await operatorContext.close();
		// The live workshop's control panel with open areas, and its presenter screen.
		await staff.goto(`/m/1/workshops/${live.id}`);
		await check(staff, 'control panel (live)');
		await staff.goto(`/m/1/workshops/${live.id}/presenter`);
		await check(staff, 'presenter (live)');
		await staff.goto('/m/1/no-such-page');
		await check(staff, '404 (logged in)');

		const anonymous = await browser.newContext({ baseURL, locale: lang === 'de' ? 'de-DE' : 'en-GB' });
		await anonymous.addCookies([{ name: 'lang', value: lang, url: baseURL! }]);
		const a = await anonymous.newPage();
		await a.goto('/login');
		await check(a, '/login');
		await a.locator('form button[type="submit"], form button:not([type])').last().click();
		await expect(a.locator('#email-error')).toBeVisible();
		await check(a, '/login with errors');
		await a.goto('/no-such-page');
		await check(a, '404');
		await context.close();
		await anonymous.close();
		report();
	});
}

for (const lang of ['de', 'ar'] as const) {
	test(`every participant page passes axe WCAG 2.1 A/AA in ${lang}`, async ({ page, browser, baseURL, server }) => {
		test.setTimeout(120_000);
		const { ids, live } = await setup(page, server.databasePath);
		const { check, report } = checker(lang);
		const context = await browser.newContext({ baseURL, locale: 'de-DE', viewport: { width: 360, height: 740 } });
		await context.addCookies([{ name: 'plang', value: lang, url: baseURL! }]);
		const p = await context.newPage();
		await p.goto('/');
		await check(p, '/ start page');
		await p.goto('/w');
		await expect(p.locator('html')).toHaveAttribute('lang', lang);
		await check(p, '/w');
		await p.locator('input[name="code"]').fill('ZZZZZZ');
		await p.locator('input[name="code"]').press('Enter');
		await check(p, '/w wrong code');
		await p.goto(`/w/${live.code}`);
		await check(p, '/w/[code] group choice');
		await p.locator('input[name="group"]').first().check();
		await p.locator('form[action="?/join"] button[type="submit"]').click();
		await expect(p.locator('#area-1')).toBeVisible();
		await check(p, '/w/[code] rating');
		await p.locator('#area-1 input[type="radio"]').nth(1).check();
		await expect(p.locator('#area-1 [role="status"]')).not.toBeEmpty();
		await check(p, '/w/[code] rated');
		// The small groups' page before the facilitator starts them (tests/group-phase.e2e.ts checks it running).
		await p.goto(`/w/${live.code}/group`);
		await check(p, '/w/[code]/group');
		await p.goto(`/w/${ids.code}`);
		await check(p, '/w/[code] ended workshop');
		await p.goto('/w/no-such');
		await check(p, '/w 404');
		await context.close();
		// Every participant page of src/routes was visited above.
		expect(listPages().filter((r) => r.id.startsWith('/(workshop)')).map((r) => r.id)).toEqual(WORKSHOP_PAGES);
		report();
	});
}
