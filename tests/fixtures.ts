import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

export const DEMO = {
	municipality: 'Musterstadt',
	coordinator: { email: 'koordination@musterstadt.example', password: 'Musterstadt-2026' },
	editor: { email: 'integration@musterstadt.example', password: 'Musterstadt-2026' },
	/** The demo operator (Betrieb): no member of Musterstadt. */
	operator: { email: 'betrieb@selbstcheck.example', password: 'Betrieb-2026' }
};

interface Server {
	url: string;
	/** The server's SQLite file (on PostgreSQL: unused, see `databaseUrl`). */
	databasePath: string;
	/** With TEST_DATABASE_URL: the server's own PostgreSQL database. */
	databaseUrl?: string;
}

/**
 * With TEST_DATABASE_URL (scripts/with-postgres.sh) each server gets a fresh PostgreSQL database
 * of its own instead of a SQLite file, dropped when the server exits.
 */
async function postgresDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
	const name = `e2e_${randomBytes(6).toString('hex')}`;
	const admin = async (text: string) => {
		const client = new pg.Client({ connectionString: serverUrl });
		await client.connect();
		try {
			await client.query(text);
		} finally {
			await client.end();
		}
	};
	await admin(`create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

const root = new URL('..', import.meta.url).pathname;

/** A port that is free right now, chosen by the system, so parallel runs never collide. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

/**
 * The demo database, migrated and seeded once per run by tests/global-setup.ts (SQLite only). Seeding
 * hashes the demo passwords and writes the demo rounds: seconds of CPU that every server start would
 * otherwise repeat. A server on a copy of it migrates nothing and finds the demo already there.
 */
export const TEMPLATE_ENV = 'E2E_TEMPLATE_DB';

/** Settings that change what a start seeds: a server with any of them seeds its own empty database. */
const SEED_SETTINGS = ['SEED_DEMO', 'INITIAL_ADMIN_EMAIL', 'INITIAL_ADMIN_PASSWORD', 'INITIAL_MUNICIPALITY', 'INITIAL_OPERATOR_EMAIL', 'INITIAL_OPERATOR_PASSWORD'];

/**
 * Starts the built app (`build/`) on a free port and a fresh database file; stops it afterwards.
 * `extraEnv` overrides the demo settings (e.g. ADDRESS_HEADER, INITIAL_ADMIN_*) for a test's own server.
 * The fresh file is a copy of the seeded demo template when there is one and `extraEnv` changes no
 * seed setting; `{ template: false }` seeds from scratch (global-setup.ts builds the template so).
 */
export async function startServer(
	workerIndex: number | string,
	extraEnv: Record<string, string> = {},
	options: { template?: boolean; databasePath?: string } = {}
): Promise<{ server: Server; process: ChildProcess }> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const dir = join(root, 'tests', '.tmp');
	mkdirSync(dir, { recursive: true });
	const databasePath = options.databasePath ?? join(dir, `worker-${workerIndex}-${process.pid}.db`);
	for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
	const postgres = process.env.TEST_DATABASE_URL ? await postgresDatabase(process.env.TEST_DATABASE_URL) : undefined;
	const template = process.env[TEMPLATE_ENV];
	if (!postgres && options.template !== false && template && existsSync(template) && !SEED_SETTINGS.some((key) => key in extraEnv)) {
		copyFileSync(template, databasePath);
	}

	const child = spawn(process.execPath, [join(root, 'build', 'index.js')], {
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: url,
			DATABASE_PATH: databasePath,
			...(postgres ? { DATABASE_URL: postgres.url, MIGRATE_ON_START: '1' } : { DATABASE_URL: '' }),
			SEED_DEMO: '1',
			// As README recommends for production: above the app's 2 MB catalogue limit.
			BODY_SIZE_LIMIT: '4M',
			INITIAL_ADMIN_EMAIL: '',
			INITIAL_ADMIN_PASSWORD: '',
			...extraEnv
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	if (postgres) child.once('exit', () => void postgres.drop().catch(() => {}));
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));

	// Seeding the demo on PostgreSQL takes many more round trips than on SQLite.
	const deadline = Date.now() + (postgres ? 60_000 : 20_000);
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`Server exited early:\n${output}`);
		try {
			const response = await fetch(`${url}/api/health`);
			if (response.ok) return { server: { url, databasePath, databaseUrl: postgres?.url }, process: child };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	child.kill();
	throw new Error(`Server did not become healthy:\n${output}`);
}

/** Console lines by which Chromium reports a blocked script, style, image or connection. */
export const isCspViolation = (text: string) => /Content[- ]Security[- ]Policy/i.test(text);

export const test = base.extend<{ axe: (page: Page) => Promise<void>; cspViolations: string[] }, { server: Server }>({
	// Every test fails when a page broke the Content-Security-Policy (svelte.config.js `kit.csp`):
	// the test's own context and every context it opens with `browser.newContext()` are watched.
	cspViolations: [
		async ({ context, browser }, use) => {
			const violations: string[] = [];
			const watch = (ctx: BrowserContext) =>
				ctx.on('console', (message) => {
					if (isCspViolation(message.text())) violations.push(`${message.page()?.url() ?? ''}: ${message.text()}`);
				});
			watch(context);
			const newContext = browser.newContext;
			browser.newContext = async (...args) => {
				const created = await newContext.apply(browser, args);
				watch(created);
				return created;
			};
			await use(violations);
			browser.newContext = newContext;
			expect(violations, 'Content-Security-Policy violations').toEqual([]);
		},
		{ auto: true }
	],
	server: [
		async ({}, use, workerInfo) => {
			const { server, process: child } = await startServer(workerInfo.workerIndex);
			await use(server);
			child.kill('SIGTERM');
		},
		// The start migrates and seeds the demo: on PostgreSQL, or on a busy machine, past the 30 s test timeout.
		{ scope: 'worker', timeout: 90_000 }
	],
	baseURL: async ({ server }, use) => use(server.url),
	// BITV 2.0 = WCAG 2.1 AA: every violation of an A/AA rule fails, whatever axe calls its impact.
	axe: async ({}, use) => {
		await use(async (page: Page) => {
			expect(await wcagViolations(page)).toEqual([]);
		});
	}
});

export { expect };

/** The rule sets of WCAG 2.1 levels A and AA, which BITV 2.0 requires. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The page's violations of WCAG 2.1 A/AA rules, one line per rule with the offending elements.
 * `onRules` receives how many rules axe checked on the page (passes + violations + incomplete).
 */
export async function wcagViolations(page: Page, onRules?: (checked: number) => void): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_AA_TAGS).analyze();
	onRules?.(results.passes.length + results.violations.length + results.incomplete.length);
	return results.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
}

/** Logs in through the form, as a person would. */
export async function login(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort').fill(password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	// Hashing the password is deliberately slow; two workers on two cores can make it slower still.
	await page.waitForURL((url) => url.pathname !== '/login', { timeout: 15_000 });
}

/** A name that no other test in the same worker's database uses. */
export function unique(prefix: string): string {
	return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * A new account's one-time password must be replaced at the first login (issue 9, finding 3): logs
 * in once in a context of its own, sets a password of the person's own and returns it.
 */
export async function replaceOneTimePassword(browser: Browser, baseURL: string | undefined, email: string, oneTime: string): Promise<string> {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await login(page, email, oneTime);
	const own = `${oneTime}-eigen`;
	await page.getByLabel('Aktuelles Passwort').fill(oneTime);
	await page.getByLabel('Neues Passwort', { exact: true }).fill(own);
	await page.getByLabel('Neues Passwort wiederholen').fill(own);
	await page.getByRole('button', { name: 'Passwort ändern' }).click();
	await expect(page.getByRole('status')).toHaveText('Ihr Passwort wurde geändert.');
	await context.close();
	return own;
}
