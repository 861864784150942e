// Page weight of the participant pages: `tsx scripts/bench/weight.ts [--no-build] [--verbose]`.
//
// Starts the built app (demo data), creates a workshop with all areas open, and walks through it
// in Chromium as a first-time participant: the code entry page /w, the join page /w/<CODE>, the
// join form, and /w/<CODE> again (now the rating page). For each page it counts the bytes that
// came over the wire (Chrome DevTools Protocol, headers included, compressed as served), with the
// browser cache disabled, so each figure is what that page costs someone who lands on it first
// (a QR code leads straight to /w/<CODE>). KB are 1,000 bytes.
//
// Output: a table, then as the last line one JSON object. Exit 0: within limits; 1: over a limit;
// 2: the check could not run (build, server start, setup or browser failed).
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { buildApp, startApp } from './lib/app.js';
import { RunBroke, cleanUpNow, makeTempDir, stopChild } from './lib/lifecycle.js';

const { values: argv } = parseArgs({
	options: { 'no-build': { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } }
});

const STAFF = { email: 'moderation@musterstadt.example', password: 'Musterstadt-2026' };
const ASSESSMENT_ID = 1;
const AREAS = [1, 2, 3, 4, 5, 6, 7];
const LIMITS = { jsKb: 50, totalKb: 150 };
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];
const BUILD_TIMEOUT_MS = 300_000;
const STARTUP_TIMEOUT_MS = 30_000;
const PAGE_TIMEOUT_MS = 15_000;
/** A page counts as loaded when nothing but its event stream has been in flight for this long. */
const QUIET_MS = 500;
const SETTLE_MAX_MS = 5_000;

/** The browser, closed on the way out (the app is killed by lifecycle.ts). */
let browser: Browser | undefined;

// ---------------------------------------------------------------------------------------------
// Setup through the staff API

async function describe(res: Response): Promise<string> {
	return `${res.status} ${(await res.text()).slice(0, 300).replace(/\s+/g, ' ')}`;
}

async function setUpWorkshop(origin: string): Promise<{ id: number; code: string }> {
	const login = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		// As a browser's form submission: without `accept: text/html` SvelteKit answers an action with JSON.
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin },
		body: new URLSearchParams(STAFF).toString(),
		signal: AbortSignal.timeout(10_000)
	});
	const session = login.headers.getSetCookie().find((c) => c.startsWith('session='))?.split(';', 1)[0];
	if (login.status !== 303 || !session) throw new RunBroke(`POST /login: erwartet 303 mit set-cookie session, bekommen ${await describe(login)}`);
	const headers = { 'content-type': 'application/json', accept: 'application/json', origin, cookie: session };

	const created = await fetch(`${origin}/api/assessments/${ASSESSMENT_ID}/workshops`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ title: 'Benchmark', areas: AREAS }),
		signal: AbortSignal.timeout(10_000)
	});
	const workshop = created.status === 201 ? ((await created.clone().json()) as { id?: unknown; code?: unknown }) : {};
	if (typeof workshop.id !== 'number' || typeof workshop.code !== 'string') {
		throw new RunBroke(`POST /api/assessments/${ASSESSMENT_ID}/workshops: erwartet 201 {"id","code"}, bekommen ${await describe(created)}`);
	}

	const opened = await fetch(`${origin}/api/workshops/${workshop.id}/areas`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ areas: AREAS, open: true }),
		signal: AbortSignal.timeout(10_000)
	});
	if (opened.status !== 200) throw new RunBroke(`POST /api/workshops/${workshop.id}/areas: erwartet 200, bekommen ${await describe(opened)}`);
	return { id: workshop.id, code: workshop.code };
}

// ---------------------------------------------------------------------------------------------
// Counting bytes over the wire

interface Transfer {
	url: string;
	type: string;
	mimeType: string;
	/** Set by loadingFinished: headers and body as they came over the wire. */
	finishedBytes?: number;
	/** Body bytes seen so far, for requests that never finish (the event stream). */
	streamedBytes: number;
	failed: boolean;
}

/** Records every request of the page from `start()` on; `settle()` waits until only streams are open. */
class WireMeter {
	#transfers = new Map<string, Transfer>();
	#lastActivity = Date.now();

	constructor(cdp: CDPSession) {
		cdp.on('Network.requestWillBeSent', (e) => {
			this.#lastActivity = Date.now();
			this.#transfers.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', mimeType: '', streamedBytes: 0, failed: false });
		});
		cdp.on('Network.responseReceived', (e) => {
			const t = this.#transfers.get(e.requestId);
			if (!t) return;
			t.type = e.type;
			t.mimeType = e.response.mimeType;
		});
		cdp.on('Network.dataReceived', (e) => {
			const t = this.#transfers.get(e.requestId);
			if (t) t.streamedBytes += e.encodedDataLength;
		});
		cdp.on('Network.loadingFinished', (e) => {
			this.#lastActivity = Date.now();
			const t = this.#transfers.get(e.requestId);
			if (t) t.finishedBytes = e.encodedDataLength;
		});
		cdp.on('Network.loadingFailed', (e) => {
			this.#lastActivity = Date.now();
			const t = this.#transfers.get(e.requestId);
			if (t) t.failed = true;
		});
	}

	start(): void {
		this.#transfers.clear();
		this.#lastActivity = Date.now();
	}

	async settle(): Promise<void> {
		const until = Date.now() + SETTLE_MAX_MS;
		while (Date.now() < until) {
			const pending = [...this.#transfers.values()].some((t) => t.finishedBytes === undefined && !t.failed && t.type !== 'EventSource');
			if (!pending && Date.now() - this.#lastActivity >= QUIET_MS) return;
			await sleep(50);
		}
	}

	/** One line per request, biggest first, for --verbose. */
	list(): string[] {
		return [...this.#transfers.values()]
			.map((t) => ({ t, bytes: t.finishedBytes ?? t.streamedBytes }))
			.sort((a, b) => b.bytes - a.bytes)
			.map(({ t, bytes }) => `${String(bytes).padStart(8)} B  ${t.type.padEnd(12)} ${new URL(t.url).pathname}${t.finishedBytes === undefined ? ' (offen)' : ''}`);
	}

	totals(): { jsBytes: number; totalBytes: number; requests: number; streams: number } {
		let jsBytes = 0;
		let totalBytes = 0;
		let streams = 0;
		for (const t of this.#transfers.values()) {
			const bytes = t.finishedBytes ?? t.streamedBytes;
			totalBytes += bytes;
			if (t.type === 'Script' || t.mimeType.includes('javascript')) jsBytes += bytes;
			if (t.finishedBytes === undefined && !t.failed) streams++;
		}
		return { jsBytes, totalBytes, requests: this.#transfers.size, streams };
	}
}

interface PageWeight {
	path: string;
	label: string;
	jsKb: number;
	totalKb: number;
	requests: number;
	title: string;
}

const kb = (bytes: number) => Math.round(bytes / 100) / 10;

async function weigh(page: Page, meter: WireMeter, origin: string, path: string, label: string): Promise<PageWeight> {
	meter.start();
	const response = await page.goto(origin + path, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
	if (!response || response.status() !== 200) throw new RunBroke(`GET ${path}: erwartet 200, bekommen ${response?.status() ?? 'keine Antwort'}`);
	await meter.settle();
	const { jsBytes, totalBytes, requests } = meter.totals();
	if (argv.verbose) {
		console.log(`\n  ${label} ${path}`);
		for (const line of meter.list()) console.log(`    ${line}`);
	}
	return { path, label, jsKb: kb(jsBytes), totalKb: kb(totalBytes), requests, title: await page.title() };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<boolean> {
	setTimeout(() => {
		console.error('Abbruch: die Prüfung hat ihr Zeitbudget überschritten.');
		process.exit(2);
	}, BUILD_TIMEOUT_MS + STARTUP_TIMEOUT_MS + 120_000).unref();

	if (!argv['no-build']) await buildApp(BUILD_TIMEOUT_MS);
	const tempDir = makeTempDir('bench-weight-');
	console.log('Starte die App …');
	const app = await startApp({ dbPath: join(tempDir, 'bench.db'), timeoutMs: STARTUP_TIMEOUT_MS });
	try {
		const workshop = await setUpWorkshop(app.origin);
		console.log(`  ${app.origin}, Workshop ${workshop.id}, Code ${workshop.code}`);

		browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, timeout: 30_000 });
		const context = await browser.newContext({ locale: 'de-DE', serviceWorkers: 'block' });
		const page = await context.newPage();
		page.setDefaultTimeout(PAGE_TIMEOUT_MS);
		const cdp = await context.newCDPSession(page);
		const meter = new WireMeter(cdp);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

		const pages: PageWeight[] = [];
		const notes: string[] = [];
		pages.push(await weigh(page, meter, app.origin, '/w', 'Code-Eingabe'));
		pages.push(await weigh(page, meter, app.origin, `/w/${workshop.code}`, 'Beitritt'));

		// Join through the page's own form; the API is the fallback so the rating page can still be weighed.
		const hasBallot = async () => (await context.cookies(app.origin)).some((c) => c.name === `ballot_${workshop.id}`);
		try {
			await page.getByRole('radio').first().check();
			await page.getByRole('button', { name: 'Weiter' }).click();
			const until = Date.now() + 5_000;
			while (!(await hasBallot()) && Date.now() < until) await sleep(100);
		} catch (error) {
			notes.push(`Beitritt über das Formular ging nicht: ${(error as Error).message.split('\n')[0]}`);
		}
		if (!(await hasBallot())) {
			notes.push('Beitritt über das Formular setzte kein ballot-Cookie; Beitritt über POST /api/w/<CODE>/ballot.');
			const status = await page.evaluate(
				async (code) => (await fetch(`/api/w/${code}/ballot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ group: null }) })).status,
				workshop.code
			);
			if (status !== 200 || !(await hasBallot())) throw new RunBroke(`Beitritt über die API: ${status}, ballot-Cookie ${(await hasBallot()) ? 'gesetzt' : 'fehlt'}`);
		}

		const rating = await weigh(page, meter, app.origin, `/w/${workshop.code}`, 'Bewertung');
		pages.push(rating);
		const ratingForms = await page.locator('input[name="level"]').count();
		if (ratingForms === 0) notes.push(`Die Seite nach dem Beitritt zeigt keine Bewertungsfelder (input[name="level"]); Titel: ${rating.title}`);

		await context.close();

		const ok = pages.every((p) => p.jsKb <= LIMITS.jsKb && p.totalKb <= LIMITS.totalKb);
		const mark = (within: boolean) => (within ? '✓' : '✗');
		const pathWidth = Math.max(...pages.map((p) => p.path.length));
		console.log(`\nÜbertragen beim ersten Besuch (ohne Cache, KB = 1000 Bytes; Grenzen JS ≤ ${LIMITS.jsKb}, gesamt ≤ ${LIMITS.totalKb})`);
		console.log(`  ${'Seite'.padEnd(12)}  ${'Pfad'.padEnd(pathWidth)}  ${'JS KB'.padStart(8)}  ${'gesamt KB'.padStart(11)}  Anfragen`);
		for (const p of pages) {
			console.log(
				`  ${p.label.padEnd(12)}  ${p.path.padEnd(pathWidth)}  ${String(p.jsKb).padStart(6)} ${mark(p.jsKb <= LIMITS.jsKb)}` +
					`  ${String(p.totalKb).padStart(9)} ${mark(p.totalKb <= LIMITS.totalKb)}  ${String(p.requests).padStart(8)}`
			);
		}
		for (const note of notes) console.log(`  Hinweis: ${note}`);
		console.log(JSON.stringify({ pages: pages.map(({ path, jsKb, totalKb }) => ({ path, jsKb, totalKb })), limits: LIMITS, ok }));
		return ok;
	} finally {
		await browser?.close();
		browser = undefined;
		await stopChild(app.child);
	}
}

main().then(
	(ok) => {
		cleanUpNow();
		process.exit(ok ? 0 : 1);
	},
	async (error: unknown) => {
		console.error(`\n${error instanceof RunBroke ? error.message : (error as Error).stack ?? String(error)}`);
		await browser?.close().catch(() => {});
		process.exit(2);
	}
);
