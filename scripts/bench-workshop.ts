// Load benchmark for the live workshop: `tsx scripts/bench-workshop.ts [--participants N]
// [--spread SECONDS] [--burst-seconds S] [--burst-rounds R] [--baseline-group-commit] [--connections C]
// [--no-build] [--seed N]`.
//
// Scenario "workshop": N participants arrive spread over the given seconds; each joins, holds its
// participant event stream open and rates the seven areas one after another, while one presenter
// stream counts the rating events. Scenario "burst": C loops post ratings as fast as they can,
// against the app and against a bare node:http server doing the same database work
// (scripts/bench-baseline-server.ts) on a copy of the app's database, taking turns in R rounds
// of S/R seconds each, so that both see the same load from whatever else runs on the machine.
// --baseline-group-commit lets the baseline commit like the app (one transaction per batch).
//
// Everything runs on 127.0.0.1; every child process is killed on the way out. The last line of
// output is one JSON object with the figures. Exit code 0 means the run completed (targets missed
// or not); non-zero means it could not run (build failed, server did not start, setup refused).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { RunBroke, cleanUpNow, makeTempDir, track } from './bench-lifecycle.js';

// ---------------------------------------------------------------------------------------------
// --store postgres --instances N: several app instances on PostgreSQL, in scripts/bench-cluster.ts.
if (process.argv.slice(2).some((arg) => arg === '--store' || arg.startsWith('--store='))) {
	const { main: clusterMain } = await import('./bench-cluster.js');
	await clusterMain(process.argv.slice(2)).then(
		() => process.exit(0),
		(error: unknown) => {
			console.error((error as Error).stack ?? String(error));
			process.exit(1);
		}
	);
}

// ---------------------------------------------------------------------------------------------
// Settings

const { values: argv } = parseArgs({
	options: {
		participants: { type: 'string', default: '1000' },
		spread: { type: 'string', default: '60' },
		'burst-seconds': { type: 'string', default: '20' },
		connections: { type: 'string', default: '64' },
		'burst-rounds': { type: 'string', default: '4' },
		'baseline-group-commit': { type: 'boolean', default: false },
		'no-build': { type: 'boolean', default: false },
		seed: { type: 'string', default: '1' }
	}
});

function intArg(name: string, raw: string, min: number, max: number): number {
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min || value > max) {
		console.error(`--${name} muss eine ganze Zahl von ${min} bis ${max} sein (war: ${raw})`);
		process.exit(2);
	}
	return value;
}

const PARTICIPANTS = intArg('participants', argv.participants!, 1, 5000);
const SPREAD_S = intArg('spread', argv.spread!, 0, 3600);
const BURST_S = intArg('burst-seconds', argv['burst-seconds']!, 1, 600);
const CONNECTIONS = intArg('connections', argv.connections!, 1, 512);
const BURST_ROUNDS = intArg('burst-rounds', argv['burst-rounds']!, 1, 100);
const SEED = intArg('seed', argv.seed!, 0, 2 ** 31);

const ROOT = new URL('..', import.meta.url).pathname;
const HOST = '127.0.0.1';
const AREAS = [1, 2, 3, 4, 5, 6, 7] as const;
const STAFF = { email: 'moderation@musterstadt.example', password: 'Musterstadt-2026' };
const ASSESSMENT_ID = 1;

const BUILD_TIMEOUT_MS = 300_000;
const STARTUP_TIMEOUT_MS = 30_000;
const REQUEST_TIMEOUT_MS = 10_000;
const STREAM_OPEN_TIMEOUT_MS = 10_000;
const PRESENTER_CATCH_UP_MS = 10_000;
/** Each participant makes 8 requests with a 10 s timeout each, so this is never the limit in a healthy run. */
const SCENARIO_GRACE_MS = 120_000;
const MAX_REQUESTS_PER_LOOP = 1_000_000;

const TARGETS = { ackP95Ms: 50, presenterP95Ms: 250, rssMb: 300, ratio: 0.5 };

// ---------------------------------------------------------------------------------------------
// Child processes and clean-up: every process started here is tracked and killed on the way out.


/** Stops a child politely, then forcefully; resolves when it has exited. */
async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

/** Keeps the last lines a child printed, to show them when it fails. */
function captureOutput(child: ChildProcess, keep = 40): () => string {
	const lines: string[] = [];
	const take = (chunk: Buffer) => {
		for (const line of chunk.toString('utf8').split('\n')) {
			if (line.trim() === '') continue;
			lines.push(line);
			if (lines.length > keep) lines.shift();
		}
	};
	child.stdout?.on('data', take);
	child.stderr?.on('data', take);
	return () => lines.join('\n');
}

async function build(): Promise<void> {
	console.log('Baue die Anwendung (vite build) …');
	const started = performance.now();
	const child = track(
		spawn(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe']
		})
	);
	const output = captureOutput(child);
	const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
	const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
	clearTimeout(timer);
	if (code !== 0) throw new RunBroke(`vite build ist fehlgeschlagen (Exit ${code}):\n${output()}`);
	console.log(`  fertig in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, HOST, () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

interface RunningServer {
	child: ChildProcess;
	port: number;
	origin: string;
	output: () => string;
}

async function startApp(dbPath: string): Promise<RunningServer> {
	const port = await freePort();
	const origin = `http://${HOST}:${port}`;
	const child = track(
		// BENCH_NODE_ARGS passes flags to the app's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
		spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), join(ROOT, 'build', 'index.js')], {
			cwd: ROOT,
			// All simulated participants come from this one address: lift the per-address limits (meant for real rooms).
			env: {
				BALLOTS_PER_ADDRESS_PER_MINUTE: '100000',
				SSE_PER_ADDRESS: '100000',
				...process.env,
				HOST,
				PORT: String(port),
				ORIGIN: origin,
				DATABASE_PATH: dbPath,
				SEED_DEMO: '1'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		})
	);
	const output = captureOutput(child);
	const deadline = performance.now() + STARTUP_TIMEOUT_MS;
	while (performance.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new RunBroke(`Der Server hat sich beim Start beendet (Exit ${child.exitCode ?? child.signalCode}):\n${output()}`);
		}
		try {
			const reply = await request(port, 'GET', '/api/health', { timeoutMs: 2_000 });
			if (reply.status === 200 && JSON.parse(reply.body).status === 'ok') return { child, port, origin, output };
		} catch {
			// Not listening yet.
		}
		await sleep(250);
	}
	throw new RunBroke(`GET /api/health hat nach ${STARTUP_TIMEOUT_MS / 1000} s nicht mit 200 {"status":"ok"} geantwortet:\n${output()}`);
}

async function startBaseline(dbPath: string): Promise<RunningServer> {
	const child = track(
		spawn(
			process.execPath,
			['--import', 'tsx', join(ROOT, 'scripts', 'bench-baseline-server.ts'), '--db', dbPath, '--port', '0', '--max-seconds', String(2 * BURST_S + 120), ...(argv['baseline-group-commit'] ? ['--group-commit'] : [])],
			{ cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] }
		)
	);
	const output = captureOutput(child);
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new RunBroke(`Der Vergleichsserver ist nicht gestartet:\n${output()}`)), STARTUP_TIMEOUT_MS);
		child.stdout!.on('data', (chunk: Buffer) => {
			const match = /listening (\d+)/.exec(chunk.toString('utf8'));
			if (match) {
				clearTimeout(timer);
				resolve(Number(match[1]));
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new RunBroke(`Der Vergleichsserver hat sich beendet (Exit ${code}):\n${output()}`));
		});
	});
	return { child, port, origin: `http://${HOST}:${port}`, output };
}

/** CPU seconds (user + system) a process has used so far; null where /proc is not available. */
function cpuSeconds(pid: number): number | null {
	try {
		// Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return null;
	}
}

function residentMb(pid: number): number | null {
	try {
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) / 1024 : null;
	} catch {
		return null;
	}
}

// ---------------------------------------------------------------------------------------------
// HTTP: node:http rather than fetch, lighter on the two cores the server shares with this client.

/** Short requests reuse sockets; event streams each get their own, never pooled. */
const requestAgent = new http.Agent({ keepAlive: true, maxSockets: 1024, maxFreeSockets: 1024 });
const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

function request(
	port: number,
	method: string,
	path: string,
	options: { headers?: Record<string, string>; body?: string; timeoutMs?: number; agent?: http.Agent } = {}
): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const headers: Record<string, string | number> = { ...options.headers };
		if (options.body !== undefined) headers['content-length'] = Buffer.byteLength(options.body);
		const req = http.request(
			{ host: HOST, port, method, path, headers, agent: options.agent ?? requestAgent, timeout: options.timeoutMs ?? REQUEST_TIMEOUT_MS },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', reject);
			}
		);
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', reject);
		req.end(options.body);
	});
}

function jsonHeaders(origin: string, cookie?: string): Record<string, string> {
	const headers: Record<string, string> = { 'content-type': 'application/json', origin, accept: 'application/json' };
	if (cookie) headers.cookie = cookie;
	return headers;
}

/** The `name=value` pair of the first set-cookie whose name matches. */
function setCookie(reply: Reply, name: RegExp): { name: string; value: string } | undefined {
	for (const header of reply.headers['set-cookie'] ?? []) {
		const pair = header.split(';', 1)[0];
		const eq = pair.indexOf('=');
		const cookieName = pair.slice(0, eq).trim();
		if (eq > 0 && name.test(cookieName)) return { name: cookieName, value: pair.slice(eq + 1).trim() };
	}
	return undefined;
}

function describe(reply: Reply): string {
	return `${reply.status} ${reply.body.slice(0, 300).replace(/\s+/g, ' ')}`;
}

/** "rate 409 areaClosed": the step, the status and the app's error code, for the error tally. */
function errorKey(step: string, reply: Reply): string {
	try {
		const body = JSON.parse(reply.body);
		if (body && typeof body.error === 'string') return `${step} ${reply.status} ${body.error}`;
	} catch {
		// Not JSON: the status says enough.
	}
	return `${step} ${reply.status}`;
}

/**
 * A Server-Sent Events connection. With `onEvent` it parses every event; without, it only
 * watches for the first `state` event and then discards the bytes (1,000 participants' streams
 * should cost the client next to nothing).
 */
class EventStream {
	readonly opened: Promise<void>;
	readonly firstState: Promise<void>;
	/** The server ended the stream after its first state event (the client did not close it). */
	closedByServer = false;
	#req: http.ClientRequest;
	#closing = false;
	#stateSeen = false;
	#lost = false;

	constructor(port: number, path: string, cookie: string, onEvent?: (event: string, data: string) => void, onLost?: (why: string) => void) {
		let resolveOpened!: () => void, rejectOpened!: (e: Error) => void;
		let resolveState!: () => void, rejectState!: (e: Error) => void;
		this.opened = new Promise((res, rej) => ((resolveOpened = res), (rejectOpened = rej)));
		this.firstState = new Promise((res, rej) => ((resolveState = res), (rejectState = rej)));
		// Unhandled rejections of these are reported by the caller's awaits, not by Node.
		this.opened.catch(() => {});
		this.firstState.catch(() => {});
		const sawState = () => {
			this.#stateSeen = true;
			resolveState();
		};
		const fail = (why: string) => {
			const error = new Error(why);
			rejectOpened(error);
			rejectState(error);
			// A stream that never delivered its first state is reported by whoever awaits firstState.
			if (this.#closing || this.#lost || !this.#stateSeen) return;
			this.#lost = true;
			this.closedByServer = true;
			onLost?.(why);
		};

		this.#req = http.get(
			{ host: HOST, port, path, agent: streamAgent, headers: { accept: 'text/event-stream', cookie, 'cache-control': 'no-cache' } },
			(res) => {
				if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/event-stream')) {
					res.resume();
					fail(`${res.statusCode} ${res.headers['content-type'] ?? ''}`.trim());
					this.#req.destroy();
					return;
				}
				resolveOpened();
				res.on('end', () => fail('closed by server'));
				res.on('error', () => fail('stream error'));
				if (onEvent) {
					let buffer = '';
					res.setEncoding('utf8');
					res.on('data', (chunk: string) => {
						buffer += chunk.replace(/\r\n?/g, '\n');
						let end: number;
						while ((end = buffer.indexOf('\n\n')) !== -1) {
							const block = buffer.slice(0, end);
							buffer = buffer.slice(end + 2);
							let event = 'message';
							const data: string[] = [];
							for (const line of block.split('\n')) {
								if (line.startsWith(':')) continue;
								const colon = line.indexOf(':');
								const field = colon === -1 ? line : line.slice(0, colon);
								const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
								if (field === 'event') event = value;
								else if (field === 'data') data.push(value);
							}
							if (data.length === 0) continue;
							if (event === 'state') sawState();
							onEvent(event, data.join('\n'));
						}
					});
				} else {
					let tail = '';
					let seen = false;
					res.on('data', (chunk: Buffer) => {
						if (seen) return;
						const text = tail + chunk.toString('latin1');
						if (text.includes('event: state')) {
							seen = true;
							sawState();
						} else tail = text.slice(-16);
					});
				}
			}
		);
		this.#req.on('error', (error) => fail(error.message));
	}

	close(): void {
		this.#closing = true;
		this.#req.destroy();
	}
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** mulberry32: the same run for the same --seed. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rand = random(SEED);
const randomLevel = (): number | null => (rand() < 0.1 ? null : 1 + Math.floor(rand() * 4));
const randomArea = (): number => AREAS[Math.floor(rand() * AREAS.length)];

/** Nearest-rank percentile; null for no samples. */
function percentile(samples: number[], p: number): number | null {
	if (samples.length === 0) return null;
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round1 = (value: number | null): number | null => (value === null || !Number.isFinite(value) ? null : Math.round(value * 10) / 10);
const fmt = (value: number | null, unit = ''): string => (value === null ? '–' : `${round1(value)}${unit}`);
const fmt2 = (value: number | null, unit = ''): string => (value === null || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}${unit}`);

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout;
	return Promise.race([
		promise.finally(() => clearTimeout(timer)),
		new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: timeout`)), ms)))
	]);
}

class Tally {
	readonly counts = new Map<string, number>();
	total = 0;
	add(key: string): void {
		this.total++;
		this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
	}
	print(indent = '  '): void {
		for (const [key, n] of [...this.counts].sort((a, b) => b[1] - a[1])) console.log(`${indent}${n} × ${key}`);
	}
}

// ---------------------------------------------------------------------------------------------
// Setup against the app's API

interface Workshop {
	id: number;
	code: string;
}

async function login(app: RunningServer): Promise<string> {
	const body = new URLSearchParams(STAFF).toString();
	const reply = await request(app.port, 'POST', '/login', {
		// As a browser's form submission: without `accept: text/html` SvelteKit answers an action with JSON.
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: app.origin },
		body
	});
	const session = setCookie(reply, /^session$/);
	if (reply.status !== 303 || !session) throw new RunBroke(`POST /login: erwartet 303 mit set-cookie session, bekommen ${describe(reply)}`);
	return `session=${session.value}`;
}

async function createWorkshop(app: RunningServer, staffCookie: string): Promise<Workshop> {
	const path = `/api/assessments/${ASSESSMENT_ID}/workshops`;
	const reply = await request(app.port, 'POST', path, {
		headers: jsonHeaders(app.origin, staffCookie),
		body: JSON.stringify({ title: 'Benchmark', areas: AREAS })
	});
	let workshop: Partial<Workshop> = {};
	try {
		workshop = JSON.parse(reply.body);
	} catch {
		// Reported below.
	}
	if (reply.status !== 201 || typeof workshop.id !== 'number' || typeof workshop.code !== 'string' || workshop.code.length !== 6) {
		throw new RunBroke(`POST ${path}: erwartet 201 {"id","code"}, bekommen ${describe(reply)}`);
	}
	return { id: workshop.id, code: workshop.code };
}

async function openAreas(app: RunningServer, staffCookie: string, workshop: Workshop): Promise<boolean> {
	const path = `/api/workshops/${workshop.id}/areas`;
	const reply = await request(app.port, 'POST', path, {
		headers: jsonHeaders(app.origin, staffCookie),
		body: JSON.stringify({ areas: AREAS, open: true })
	});
	if (reply.status !== 200) console.log(`  ✗ POST ${path}: erwartet 200, bekommen ${describe(reply)}`);
	return reply.status === 200;
}

interface Ballot {
	/** The cookie header to send, `ballot_<id>=<token>`. */
	cookie: string;
	/** The token as the server hashes it. */
	token: string;
}

/** Joins as a participant; returns the ballot, or the reply that refused it. */
async function joinWorkshop(app: RunningServer, workshop: Workshop, group: string | null): Promise<Ballot | Reply> {
	const reply = await request(app.port, 'POST', `/api/w/${workshop.code}/ballot`, {
		headers: jsonHeaders(app.origin),
		body: JSON.stringify({ group })
	});
	const cookie = setCookie(reply, new RegExp(`^ballot_${workshop.id}$`));
	if (reply.status !== 200 || !cookie) return reply;
	return { cookie: `${cookie.name}=${cookie.value}`, token: decodeURIComponent(cookie.value) };
}

// ---------------------------------------------------------------------------------------------
// Scenario 1: the workshop

interface WorkshopResult {
	participants: number;
	acknowledged: number;
	stored: number | null;
	presenterCounted: number;
	errors: number;
	ackP50Ms: number | null;
	ackP95Ms: number | null;
	ackP99Ms: number | null;
	presenterP95Ms: number | null;
	rssMb: number | null;
	peakRssMb: number | null;
	streamsOpen: number;
	missingSeqs: number;
	errorTally: Tally;
}

async function workshopScenario(app: RunningServer, staffCookie: string, workshop: Workshop, dbPath: string): Promise<WorkshopResult> {
	const errors = new Tally();
	const ackLatencies: number[] = [];
	const ackAt = new Map<number, number>();
	const presenterAt = new Map<number, number>();
	const streams: EventStream[] = [];
	let joined = 0;
	let finished = 0;

	// The presenter's screen: opened before anyone joins, records when each rating shows up.
	const presenter = new EventStream(
		app.port,
		`/api/workshops/${workshop.id}/events`,
		staffCookie,
		(event, data) => {
			if (event !== 'rating') return;
			const now = performance.now();
			try {
				const seq = JSON.parse(data).seq;
				if (typeof seq === 'number' && !presenterAt.has(seq)) presenterAt.set(seq, now);
			} catch {
				errors.add('presenter malformed rating event');
			}
		},
		(why) => errors.add(`presenter stream lost: ${why}`)
	);
	try {
		await withTimeout(presenter.firstState, STREAM_OPEN_TIMEOUT_MS, 'presenter');
	} catch (error) {
		errors.add(`presenter events: ${(error as Error).message}`);
	}

	const groups = ['Zivilgesellschaft', null] as const;
	const participant = async (index: number, startAt: number): Promise<void> => {
		await sleep(Math.max(0, startAt - performance.now()));
		let ballot: Ballot | Reply;
		try {
			ballot = await joinWorkshop(app, workshop, groups[index % 5 === 4 ? 1 : 0]);
		} catch (error) {
			errors.add(`join ${(error as Error).message}`);
			return;
		}
		if ('status' in ballot) {
			errors.add(errorKey('join', ballot));
			return;
		}
		joined++;
		const stream = new EventStream(app.port, `/api/w/${workshop.code}/events`, ballot.cookie);
		streams.push(stream);
		try {
			await withTimeout(stream.firstState, STREAM_OPEN_TIMEOUT_MS, 'events');
		} catch (error) {
			errors.add(`participant events ${(error as Error).message}`);
		}
		for (const area of AREAS) {
			const started = performance.now();
			try {
				const reply = await request(app.port, 'POST', `/api/w/${workshop.code}/ratings`, {
					headers: jsonHeaders(app.origin, ballot.cookie),
					body: JSON.stringify({ area, level: randomLevel() })
				});
				const acked = performance.now();
				if (reply.status !== 200) {
					errors.add(errorKey('rate', reply));
					continue;
				}
				const seq = JSON.parse(reply.body).seq;
				if (typeof seq !== 'number') {
					errors.add('rate 200 without seq');
					continue;
				}
				ackLatencies.push(acked - started);
				ackAt.set(seq, acked);
			} catch (error) {
				errors.add(`rate ${(error as Error).message}`);
			}
		}
		finished++;
	};

	console.log(`\nSzenario „workshop“: ${PARTICIPANTS} Teilnehmende über ${SPREAD_S} s`);
	const t0 = performance.now();
	let peakRss = 0;
	const progress = setInterval(() => {
		const rss = residentMb(app.child.pid!);
		if (rss !== null) peakRss = Math.max(peakRss, rss);
		console.log(
			`  t=${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s  beigetreten ${joined}/${PARTICIPANTS}` +
				`  fertig ${finished}  Bewertungen ${ackAt.size}  beim Präsentator ${presenterAt.size}` +
				`  Fehler ${errors.total}  RSS ${fmt(rss, ' MB')}`
		);
	}, 5_000);

	const everyone = Array.from({ length: PARTICIPANTS }, (_, i) =>
		participant(i, t0 + (PARTICIPANTS === 1 ? 0 : (i / (PARTICIPANTS - 1)) * SPREAD_S * 1000))
	);
	try {
		await withTimeout(Promise.all(everyone), SPREAD_S * 1000 + SCENARIO_GRACE_MS, 'workshop scenario');
	} catch (error) {
		errors.add(`${(error as Error).message} (${PARTICIPANTS - finished} participants unfinished)`);
	}

	// The presenter must see every acknowledged rating; give it a bounded moment to catch up.
	const catchUpUntil = performance.now() + PRESENTER_CATCH_UP_MS;
	const missing = () => [...ackAt.keys()].filter((seq) => !presenterAt.has(seq)).length;
	while (missing() > 0 && performance.now() < catchUpUntil) await sleep(50);
	clearInterval(progress);

	const streamsOpen = streams.filter((s) => !s.closedByServer).length;
	// Streams that failed to open are already counted; these opened and were dropped later.
	for (let i = streamsOpen; i < streams.length; i++) errors.add('participant stream closed by server');
	const rss = residentMb(app.child.pid!);
	if (rss !== null) peakRss = Math.max(peakRss, rss);

	const presenterLatencies: number[] = [];
	for (const [seq, acked] of ackAt) {
		const seen = presenterAt.get(seq);
		if (seen !== undefined) presenterLatencies.push(seen - acked);
	}

	let stored: number | null = null;
	try {
		const db = new Database(dbPath, { readonly: true, fileMustExist: true });
		try {
			stored = db.prepare<[number], { n: number }>('select count(*) as n from rating where workshop_id = ?').get(workshop.id)!.n;
		} finally {
			db.close();
		}
	} catch (error) {
		console.log(`  ✗ Zählen in der Datenbank fehlgeschlagen: ${(error as Error).message}`);
	}

	presenter.close();
	for (const stream of streams) stream.close();

	return {
		participants: PARTICIPANTS,
		acknowledged: ackLatencies.length,
		stored,
		presenterCounted: presenterAt.size,
		errors: errors.total,
		ackP50Ms: percentile(ackLatencies, 50),
		ackP95Ms: percentile(ackLatencies, 95),
		ackP99Ms: percentile(ackLatencies, 99),
		presenterP95Ms: percentile(presenterLatencies, 95),
		rssMb: rss,
		peakRssMb: peakRss || null,
		streamsOpen,
		missingSeqs: missing(),
		errorTally: errors
	};
}

// ---------------------------------------------------------------------------------------------
// Scenario 2: the burst, against the app and against the baseline

interface LoadResult {
	ok: number;
	errors: Tally;
	seconds: number;
	/** CPU seconds the server used meanwhile (null without /proc). */
	cpu: number | null;
}

/** C loops, each with its own ballot, posting ratings back to back until the time is up. */
async function load(server: RunningServer, ballots: Ballot[], seconds: number, path: string): Promise<LoadResult> {
	const { port, origin } = server;
	const cpuBefore = cpuSeconds(server.child.pid!);
	// Fresh sockets for every slice: a socket left idle while the other server had its turn may be
	// closed by the server's keep-alive timeout just as it is reused (ECONNRESET).
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1024, maxFreeSockets: 1024 });
	const errors = new Tally();
	let ok = 0;
	const started = performance.now();
	const until = started + seconds * 1000;
	await Promise.all(
		ballots.map(async (ballot) => {
			for (let n = 0; n < MAX_REQUESTS_PER_LOOP && performance.now() < until; n++) {
				try {
					const reply = await request(port, 'POST', path, {
						headers: jsonHeaders(origin, ballot.cookie),
						body: JSON.stringify({ area: randomArea(), level: randomLevel() }),
						agent
					});
					if (reply.status === 200) ok++;
					else errors.add(errorKey('rate', reply));
				} catch (error) {
					errors.add(`rate ${(error as Error).message}`);
					// A refused connection fails at once; do not spin on it.
					await sleep(10);
				}
			}
		})
	);
	agent.destroy();
	const cpuAfter = cpuSeconds(server.child.pid!);
	const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
	return { ok, errors, seconds: (performance.now() - started) / 1000, cpu };
}

interface BurstResult {
	app: LoadResult;
	baseline: LoadResult | null;
	ratingsPerSec: number;
	baselinePerSec: number | null;
	ratio: number | null;
	/** Server CPU milliseconds per stored rating: what bounds the rate on an otherwise idle machine. */
	appCpuMs: number | null;
	baselineCpuMs: number | null;
}

async function burstScenario(app: RunningServer, workshop: Workshop, dbPath: string, copyPath: string): Promise<BurstResult> {
	const slice = BURST_S / BURST_ROUNDS;
	console.log(`\nSzenario „burst“: ${CONNECTIONS} Schleifen, je ${BURST_S} s, abwechselnd App und Vergleich in ${BURST_ROUNDS} Runden zu ${slice.toFixed(1)} s`);
	const ballots: Ballot[] = [];
	const joinErrors = new Tally();
	for (let i = 0; i < CONNECTIONS; i++) {
		try {
			const ballot = await joinWorkshop(app, workshop, null);
			if ('status' in ballot) joinErrors.add(errorKey('join', ballot));
			else ballots.push(ballot);
		} catch (error) {
			joinErrors.add(`join ${(error as Error).message}`);
		}
	}
	if (ballots.length === 0) {
		joinErrors.print();
		throw new RunBroke('Burst: kein einziger Beitritt gelang.');
	}

	// The app's database with these ballots, copied by the online backup while the app runs, becomes
	// the baseline's database. Both servers then stay up and take turns, slice by slice, so both meet
	// the same load from the rest of the machine (shared cores make back-to-back runs differ by 2×).
	console.log('  Kopiere die Datenbank, starte den Vergleichsserver …');
	const source = new Database(dbPath, { fileMustExist: true });
	try {
		await source.backup(copyPath);
	} finally {
		source.close();
	}
	const appLoad: LoadResult = { ok: 0, errors: new Tally(), seconds: 0, cpu: 0 };
	const baselineLoad: LoadResult = { ok: 0, errors: new Tally(), seconds: 0, cpu: 0 };
	const add = (sum: LoadResult, part: LoadResult) => {
		sum.ok += part.ok;
		sum.seconds += part.seconds;
		sum.cpu = sum.cpu === null || part.cpu === null ? null : sum.cpu + part.cpu;
		for (const [key, n] of part.errors.counts) for (let i = 0; i < n; i++) sum.errors.add(key);
	};
	let baseline: RunningServer | undefined;
	try {
		baseline = await startBaseline(copyPath);
		for (let round = 1; round <= BURST_ROUNDS; round++) {
			const a = await load(app, ballots, slice, `/api/w/${workshop.code}/ratings`);
			const b = await load(baseline, ballots, slice, `/ratings/${workshop.id}`);
			add(appLoad, a);
			add(baselineLoad, b);
			console.log(
				`  Runde ${round}: App ${(a.ok / a.seconds).toFixed(1)}/s, Vergleich ${(b.ok / b.seconds).toFixed(1)}/s, ` +
					`Verhältnis ${(a.ok / a.seconds / (b.ok / b.seconds)).toFixed(2)}`
			);
		}
	} finally {
		if (baseline) await stopChild(baseline.child);
	}
	for (const [key, n] of joinErrors.counts) for (let i = 0; i < n; i++) appLoad.errors.add(key);
	const ratingsPerSec = appLoad.ok / appLoad.seconds;
	const baselinePerSec = baselineLoad.ok / baselineLoad.seconds;
	const cpuMs = (l: LoadResult) => (l.cpu === null || l.ok === 0 ? null : (1000 * l.cpu) / l.ok);
	console.log(
		`  App: ${appLoad.ok} gespeichert in ${appLoad.seconds.toFixed(1)} s = ${ratingsPerSec.toFixed(1)}/s, ` +
			`Server-CPU ${fmt2(cpuMs(appLoad), ' ms')} je Bewertung, Fehler ${appLoad.errors.total}`
	);
	console.log(
		`  Vergleich: ${baselineLoad.ok} gespeichert in ${baselineLoad.seconds.toFixed(1)} s = ${baselinePerSec.toFixed(1)}/s, ` +
			`Server-CPU ${fmt2(cpuMs(baselineLoad), ' ms')} je Bewertung, Fehler ${baselineLoad.errors.total}`
	);
	return {
		app: appLoad,
		baseline: baselineLoad,
		ratingsPerSec,
		baselinePerSec,
		ratio: baselinePerSec > 0 ? ratingsPerSec / baselinePerSec : null,
		appCpuMs: cpuMs(appLoad),
		baselineCpuMs: cpuMs(baselineLoad)
	};
}

// ---------------------------------------------------------------------------------------------
// Report

function report(w: WorkshopResult, b: BurstResult): void {
	const mark = (ok: boolean) => (ok ? '✓' : '✗');
	const consistent = w.stored === w.acknowledged && w.acknowledged === w.presenterCounted;
	const rows: [string, string, string, boolean | null][] = [
		['Teilnehmende', String(w.participants), '', null],
		['Bewertungen bestätigt (200)', String(w.acknowledged), `= gespeichert = beim Präsentator`, consistent],
		['gespeichert (Tabelle rating)', w.stored === null ? '–' : String(w.stored), '', null],
		['beim Präsentator gezählt', String(w.presenterCounted), '', null],
		['Fehler', String(w.errors), '0', w.errors === 0],
		['Bestätigung p50', fmt(w.ackP50Ms, ' ms'), '', null],
		['Bestätigung p95', fmt(w.ackP95Ms, ' ms'), `< ${TARGETS.ackP95Ms} ms`, w.ackP95Ms !== null && w.ackP95Ms < TARGETS.ackP95Ms],
		['Bestätigung p99', fmt(w.ackP99Ms, ' ms'), '', null],
		['Präsentator p95 (Ankunft − Bestätigung)', fmt(w.presenterP95Ms, ' ms'), `< ${TARGETS.presenterP95Ms} ms`, w.presenterP95Ms !== null && w.presenterP95Ms < TARGETS.presenterP95Ms],
		[`Server-RSS bei ${w.streamsOpen} offenen Streams`, fmt(w.rssMb, ' MB'), `< ${TARGETS.rssMb} MB`, w.rssMb !== null && w.rssMb < TARGETS.rssMb],
		['Server-RSS Spitze (5-s-Takt)', fmt(w.peakRssMb, ' MB'), '', null],
		['Burst: App', `${fmt(b.ratingsPerSec)}/s`, '', null],
		['Burst: Vergleichsserver', `${fmt(b.baselinePerSec)}/s`, '', null],
		['Burst: Verhältnis', fmt2(b.ratio), `≥ ${TARGETS.ratio}`, b.ratio !== null && b.ratio >= TARGETS.ratio],
		['Burst: Server-CPU je Bewertung, App', fmt2(b.appCpuMs, ' ms'), '', null],
		['Burst: Server-CPU je Bewertung, Vergleich', fmt2(b.baselineCpuMs, ' ms'), '', null]
	];
	const width = Math.max(...rows.map((r) => r[0].length));
	const valueWidth = Math.max(...rows.map((r) => r[1].length));
	console.log('\nErgebnis');
	for (const [label, value, target, ok] of rows) {
		console.log(`  ${label.padEnd(width)}  ${value.padStart(valueWidth)}  ${ok === null ? '  ' : mark(ok) + ' '}${target}`);
	}
	if (w.missingSeqs > 0) console.log(`\n  ${w.missingSeqs} bestätigte Bewertungen kamen nie beim Präsentator an.`);
	if (w.errorTally.total > 0) {
		console.log('\n  Fehler im Szenario „workshop“:');
		w.errorTally.print('    ');
	}
	if (b.app.errors.total > 0) {
		console.log('\n  Fehler im Burst gegen die App (nicht in „Fehler“ oben):');
		b.app.errors.print('    ');
	}
	if (b.baseline && b.baseline.errors.total > 0) {
		console.log('\n  Fehler im Burst gegen den Vergleichsserver:');
		b.baseline.errors.print('    ');
	}
	console.log(
		JSON.stringify({
			workshop: {
				participants: w.participants,
				acknowledged: w.acknowledged,
				stored: w.stored,
				presenterCounted: w.presenterCounted,
				errors: w.errors,
				ackP50Ms: round1(w.ackP50Ms),
				ackP95Ms: round1(w.ackP95Ms),
				ackP99Ms: round1(w.ackP99Ms),
				presenterP95Ms: round1(w.presenterP95Ms),
				rssMb: round1(w.rssMb)
			},
			burst: {
				ratingsPerSec: round1(b.ratingsPerSec),
				baselinePerSec: round1(b.baselinePerSec),
				ratio: b.ratio === null ? null : Math.round(b.ratio * 100) / 100,
				appCpuMs: b.appCpuMs === null ? null : Math.round(b.appCpuMs * 1000) / 1000,
				baselineCpuMs: b.baselineCpuMs === null ? null : Math.round(b.baselineCpuMs * 1000) / 1000
			}
		})
	);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
	// Every phase is bounded on its own; this is the backstop should one of them hang anyway.
	const budgetMs = BUILD_TIMEOUT_MS + 2 * STARTUP_TIMEOUT_MS + SPREAD_S * 1000 + SCENARIO_GRACE_MS + PRESENTER_CATCH_UP_MS + 2 * BURST_S * 1000 + 120_000;
	setTimeout(() => {
		console.error(`Abbruch: der Lauf hat sein Zeitbudget von ${Math.round(budgetMs / 1000)} s überschritten.`);
		process.exit(1);
	}, budgetMs).unref();

	if (!argv['no-build']) await build();
	const tempDir = makeTempDir('bench-workshop-');
	const dbPath = join(tempDir, 'bench.db');

	console.log('Starte die App …');
	const app = await startApp(dbPath);
	console.log(`  läuft auf ${app.origin} (pid ${app.child.pid})`);
	try {
		const staffCookie = await login(app);
		const workshop = await createWorkshop(app, staffCookie);
		console.log(`  Workshop ${workshop.id}, Code ${workshop.code}`);
		await openAreas(app, staffCookie, workshop);

		const workshopResult = await workshopScenario(app, staffCookie, workshop, dbPath);
		if (app.child.exitCode !== null || app.child.signalCode !== null) {
			throw new RunBroke(`Der Server hat sich während des Szenarios beendet:\n${app.output()}`);
		}
		const burstResult = await burstScenario(app, workshop, dbPath, join(tempDir, 'baseline.db'));
		report(workshopResult, burstResult);
	} finally {
		await stopChild(app.child);
	}
}

main().then(
	() => {
		requestAgent.destroy();
		streamAgent.destroy();
		cleanUpNow();
		process.exit(0);
	},
	(error: unknown) => {
		console.error(`\n${error instanceof RunBroke ? error.message : (error as Error).stack ?? String(error)}`);
		process.exit(1);
	}
);
