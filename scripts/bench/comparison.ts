// Benchmark of the anonymous comparison and the operator overview on many municipalities:
// `tsx scripts/bench/comparison.ts [--db FILE] [--municipalities 400] [--requests 400]
// [--concurrency 4] [--no-build]`.
//
// Seeds a temporary database with `npm run seed:many` (or reuses --db, seeding it if empty), starts
// the built app on a free port of 127.0.0.1, logs in as the seed's coordinator (member of every
// seeded municipality) and as its operator, and measures the GET requests listed in TARGETS below:
// the comparison of every participating municipality's latest round (a first pass, one request per
// municipality, is reported apart: on a fresh seed it computes each group's snapshot), and the
// operator overview. Every child process
// is killed on the way out. The last line of output is one JSON object with the figures.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ROOT, buildApp, startApp } from './lib/app.js';
import { RunBroke, cleanUpNow, makeTempDir, track } from './lib/lifecycle.js';
import { HOST } from './lib/ports.js';
import { percentile, round1 } from './lib/stats.js';

const { values: argv } = parseArgs({
	options: {
		db: { type: 'string' },
		municipalities: { type: 'string', default: '400' },
		requests: { type: 'string', default: '400' },
		concurrency: { type: 'string', default: '4' },
		'no-build': { type: 'boolean', default: false }
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

const MUNICIPALITIES = intArg('municipalities', argv.municipalities!, 1, 5000);
const REQUESTS = intArg('requests', argv.requests!, 1, 100_000);
const CONCURRENCY = intArg('concurrency', argv.concurrency!, 1, 64);
const ACCOUNTS = {
	coordinator: { email: 'koordination@vergleich.example', password: 'Vergleich-2026' },
	operator: { email: 'betrieb@vergleich.example', password: 'Vergleich-2026' }
};
const TARGET_P95_MS = 200;

interface Ids {
	/** The latest closed round of every seeded municipality that is opted in and active. */
	comparisonAssessments: number[];
}

/**
 * What is measured, in one place: a name, who asks, and the paths (requests cycle through them).
 * A target whose first answer is 404 (its route is not on this branch) is reported as missing.
 */
const TARGETS = (ids: Ids): { name: string; as: keyof typeof ACCOUNTS; paths: string[] }[] => [
	{ name: 'comparison', as: 'coordinator', paths: ids.comparisonAssessments.map((id) => `/api/assessments/${id}/comparison`) },
	{ name: 'operatorOverview', as: 'operator', paths: ['/api/municipalities'] }
];

// ---------------------------------------------------------------------------------------------

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

function request(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const all: Record<string, string | number> = { ...headers };
		if (body !== undefined) all['content-length'] = Buffer.byteLength(body);
		const req = http.request({ host: HOST, port, method, path, headers: all, agent, timeout: 15_000 }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', reject);
		req.end(body);
	});
}

function run(command: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = track(spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
		let output = '';
		child.stdout?.on('data', (chunk) => (output += chunk));
		child.stderr?.on('data', (chunk) => (output += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.once('exit', (code) => {
			clearTimeout(timer);
			if (code === 0) resolve();
			else reject(new RunBroke(`${args.join(' ')} ist fehlgeschlagen (Exit ${code}):\n${output.slice(-3000)}`));
		});
	});
}

async function login(port: number, origin: string, account: { email: string; password: string }): Promise<string> {
	const reply = await request(
		port,
		'POST',
		'/login',
		{ 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin },
		new URLSearchParams(account).toString()
	);
	const cookie = (reply.headers['set-cookie'] ?? []).map((c) => c.split(';', 1)[0]!).find((c) => c.startsWith('session='));
	if (reply.status !== 303 || !cookie) throw new RunBroke(`Anmeldung ${account.email}: ${reply.status} ${reply.body.slice(0, 200)}`);
	return cookie;
}

function summary(times: number[]) {
	const max = times.reduce((a, b) => Math.max(a, b), -Infinity);
	return { requests: times.length, p50Ms: round1(percentile(times, 50)), p95Ms: round1(percentile(times, 95)), maxMs: round1(max) };
}

/** `count` GETs cycling through `paths`, `CONCURRENCY` at a time; latencies and non-200 answers. */
async function measure(port: number, cookie: string, paths: string[], count: number) {
	const times: number[] = [];
	const errors: Record<string, number> = {};
	let next = 0;
	async function worker() {
		while (next < count) {
			const path = paths[next++ % paths.length]!;
			const started = performance.now();
			const reply = await request(port, 'GET', path, { cookie, accept: 'application/json' });
			times.push(performance.now() - started);
			if (reply.status !== 200) errors[String(reply.status)] = (errors[String(reply.status)] ?? 0) + 1;
		}
	}
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	return { ...summary(times), errors };
}

async function main() {
	const dbPath = argv.db ?? join(makeTempDir('bench-comparison-'), 'vergleich.db');
	if (!argv['no-build']) await buildApp(600_000);
	console.log(`Vergleichskommunen in ${dbPath} …`);
	const seeded = performance.now();
	await run(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/seed-many.ts', '--municipalities', String(MUNICIPALITIES)], { DATABASE_PATH: dbPath }, 900_000);
	const seedSeconds = (performance.now() - seeded) / 1000;

	const ids: Ids = (() => {
		const db = new Database(dbPath, { readonly: true });
		try {
			const rows = db
				.prepare(
					`select a.municipality_id as m, a.id as a from assessment a join municipality m on m.id = a.municipality_id
					 where a.status = 'closed' and m.comparison_opt_in = 1 and m.deactivated_at is null and m.kind is not null
					 order by a.municipality_id, a.closed_at desc, a.id desc`
				)
				.all() as { m: number; a: number }[];
			const latest = new Map<number, number>();
			for (const row of rows) if (!latest.has(row.m)) latest.set(row.m, row.a);
			return { comparisonAssessments: [...latest.values()] };
		} finally {
			db.close();
		}
	})();

	// The database is seeded above: no demo on top.
	const app = await startApp({ dbPath, env: { SEED_DEMO: '' }, timeoutMs: 60_000 });
	const cookies = {
		coordinator: await login(app.port, app.origin, ACCOUNTS.coordinator),
		operator: await login(app.port, app.origin, ACCOUNTS.operator)
	};
	const results: Record<string, unknown> = {};
	for (const target of TARGETS(ids)) {
		const cookie = cookies[target.as];
		const probe = await request(app.port, 'GET', target.paths[0]!, { cookie, accept: 'application/json' });
		if (probe.status === 404) {
			results[target.name] = { missing: `${target.paths[0]} answers 404 on this build` };
			continue;
		}
		// First pass: one request per path since the server started (on a fresh seed this computes every
		// group's snapshot); then the measured pass.
		const firstPass = await measure(app.port, cookie, target.paths, Math.min(target.paths.length, REQUESTS));
		const warm = await measure(app.port, cookie, target.paths, REQUESTS);
		results[target.name] = { paths: target.paths.length, firstPass, warm, targetP95Ms: TARGET_P95_MS, met: (warm.p95Ms ?? Infinity) < TARGET_P95_MS && (firstPass.p95Ms ?? Infinity) < TARGET_P95_MS };
	}
	app.child.kill('SIGTERM');
	const figures = { municipalities: MUNICIPALITIES, seedSeconds: round1(seedSeconds), concurrency: CONCURRENCY, ...results };
	console.log(JSON.stringify(figures));
}

main()
	.catch((err) => {
		console.error(err instanceof RunBroke ? err.message : err);
		process.exitCode = 1;
	})
	.finally(() => {
		agent.destroy();
		cleanUpNow();
	});
