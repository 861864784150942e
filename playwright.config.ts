import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download is not reachable on these machines.
const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	outputDir: 'test-results',
	// Seeds the demo once into a template database that every test server copies (tests/fixtures.ts).
	globalSetup: './tests/global-setup.ts',
	fullyParallel: true,
	// Each worker starts its own server on its own database file (tests/fixtures.ts). Four workers on
	// two cores: much of a test is waiting (server round trips, live events, polling expects); the
	// full run took 9.5 min with 4 against 14.3 min with 2 on the same (shared, loaded) machine.
	workers: Number(process.env.E2E_WORKERS ?? 4),
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 30_000,
	expect: { timeout: 5_000 },
	use: {
		browserName: 'chromium',
		locale: 'de-DE',
		timezoneId: 'Europe/Berlin',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: chromiumArgs
		},
		// A failed test keeps its trace with DOM snapshots; the screencast (a JPEG per painted frame,
		// in every test, thrown away when it passes) cost more CPU than anything it showed.
		trace: { mode: 'retain-on-failure', screenshots: false },
		screenshot: 'only-on-failure'
	}
});
