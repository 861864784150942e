// The live workshop over several app instances on PostgreSQL:
// `npm run bench:workshop -- --store postgres --instances 2 --participants 5000 [--spread S] [--no-build]`.
//
// Starts a throw-away PostgreSQL cluster and the instances (scripts/app-cluster.ts), spreads the
// participants over them (participant i joins, holds its stream open and rates the seven areas on
// instance i mod n), and keeps one presenter stream open on every instance. A rating counts as
// seen when the presenter of the *next* instance shows it (so every figure crosses instances via
// LISTEN/NOTIFY). The last line is one JSON object with the figures.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startAppCluster, type AppInstance } from '../app-cluster.js';
import { buildApp } from './lib/app.js';
import { residentMb } from './lib/proc.js';
import { percentile, round1 } from './lib/stats.js';

const AREAS = [1, 2, 3, 4, 5, 6, 7] as const;
const STAFF = { email: 'moderation@musterstadt.example', password: 'Musterstadt-2026' };
const TARGETS = { ackP95Ms: 100, presenterP95Ms: 500 };
const REQUEST_TIMEOUT_MS = 10_000;

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

interface Reply {
	status: number;
	body: string;
	cookies: string[];
}

function request(app: AppInstance, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			{ host: '127.0.0.1', port: app.port, method, path, agent, timeout: REQUEST_TIMEOUT_MS, headers: { origin: app.url, ...headers } },
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (text += c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!) }));
			}
		);
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', reject);
		req.end(body);
	});
}

const json = (cookie?: string) => ({ 'content-type': 'application/json', ...(cookie ? { cookie } : {}) });

/** An SSE stream; `onEvent` gets every event (or none: only the first state is noticed). */
function openStream(app: AppInstance, path: string, cookie: string, onEvent?: (event: string, data: string) => void) {
	let firstState!: () => void;
	let failed!: (e: Error) => void;
	const ready = new Promise<void>((res, rej) => ((firstState = res), (failed = rej)));
	ready.catch(() => {});
	let lost = false;
	let closing = false;
	const req = http.get({ host: '127.0.0.1', port: app.port, path, agent: streamAgent, headers: { accept: 'text/event-stream', cookie } }, (res) => {
		if (res.statusCode !== 200) {
			res.resume();
			failed(new Error(`stream ${res.statusCode}`));
			return;
		}
		let buffer = '';
		let seen = false;
		res.setEncoding('utf8');
		res.on('data', (chunk: string) => {
			if (!onEvent && seen) return;
			buffer += chunk;
			let end: number;
			while ((end = buffer.indexOf('\n\n')) !== -1) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const event = /^event: (.*)$/m.exec(block)?.[1];
				const data = /^data: (.*)$/m.exec(block)?.[1];
				if (!event || data === undefined) continue;
				if (event === 'state' && !seen) {
					seen = true;
					firstState();
				}
				onEvent?.(event, data);
			}
			if (!onEvent && seen) buffer = '';
		});
		res.on('end', () => {
			if (!closing) lost = true;
		});
	});
	req.on('error', (e) => {
		if (!closing) lost = true;
		failed(e);
	});
	return {
		ready,
		get lost() {
			return lost;
		},
		close() {
			closing = true;
			req.destroy();
		}
	};
}

export async function main(args: string[]): Promise<void> {
	const { values } = parseArgs({
		args,
		options: {
			store: { type: 'string', default: 'postgres' },
			instances: { type: 'string', default: '2' },
			participants: { type: 'string', default: '1000' },
			spread: { type: 'string', default: '60' },
			'no-build': { type: 'boolean', default: false },
			seed: { type: 'string', default: '1' }
		}
	});
	if (values.store !== 'postgres') {
		console.error('--store kennt hier nur "postgres"; SQLite ist der Standardlauf ohne --store.');
		process.exit(2);
	}
	const instances = Number(values.instances);
	const participants = Number(values.participants);
	const spreadS = Number(values.spread);
	if (![instances, participants, spreadS].every(Number.isInteger) || instances < 1 || instances > 8 || participants < 1 || participants > 20_000) {
		console.error('--instances 1…8, --participants 1…20000, --spread in ganzen Sekunden');
		process.exit(2);
	}
	if (!values['no-build']) await buildApp();
	let seed = Number(values.seed) >>> 0;
	const random = () => {
		seed = (seed + 0x6d2b79f5) >>> 0;
		let t = seed;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};

	console.log(`Starte PostgreSQL und ${instances} Instanzen …`);
	const cluster = await startAppCluster({
		instances,
		nodeArgs: process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean),
		// All simulated participants come from one address: lift the per-address limits (meant for real rooms).
		env: { BALLOTS_PER_ADDRESS_PER_MINUTE: '100000', SSE_PER_ADDRESS: '100000', JOIN_CODE_GLOBAL_PER_MINUTE: '100000', ...(process.env.BENCH_APP_ENV ? JSON.parse(process.env.BENCH_APP_ENV) : {}) }
	});
	const apps = cluster.apps;
	for (const app of apps) console.log(`  ${app.url} (pid ${app.child.pid})`);
	const errors = new Map<string, number>();
	const error = (key: string) => errors.set(key, (errors.get(key) ?? 0) + 1);
	try {
		const loginReply = await request(apps[0]!, 'POST', '/login', new URLSearchParams(STAFF).toString(), {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		});
		const staff = loginReply.cookies.find((c) => c.startsWith('session='));
		if (!staff) throw new Error(`login: ${loginReply.status}`);
		const created = await request(apps[0]!, 'POST', '/api/assessments/1/workshops', JSON.stringify({ title: 'Benchmark', areas: AREAS }), json(staff));
		const workshop = JSON.parse(created.body) as { id: number; code: string };
		await request(apps[apps.length - 1]!, 'POST', `/api/workshops/${workshop.id}/areas`, JSON.stringify({ areas: AREAS, open: true }), json(staff));
		console.log(`  Workshop ${workshop.id}, Code ${workshop.code}`);

		// One presenter per instance; seenOn[i] maps a rating's seq to when instance i's presenter showed it.
		const seenOn = apps.map(() => new Map<number, number>());
		const presenters = apps.map((app, i) =>
			openStream(app, `/api/workshops/${workshop.id}/events`, staff, (event, data) => {
				if (event !== 'rating') return;
				const seq = JSON.parse(data).seq as number;
				if (!seenOn[i]!.has(seq)) seenOn[i]!.set(seq, performance.now());
			})
		);
		await Promise.all(presenters.map((p) => p.ready));

		const acks: { seq: number; at: number; instance: number }[] = [];
		const ackMs: number[] = [];
		const streams: ReturnType<typeof openStream>[] = [];
		let finished = 0;
		const participant = async (index: number, startAt: number) => {
			await sleep(Math.max(0, startAt - performance.now()));
			const instance = index % apps.length;
			const app = apps[instance]!;
			let cookie: string | undefined;
			try {
				const joined = await request(app, 'POST', `/api/w/${workshop.code}/ballot`, JSON.stringify({ group: null }), json());
				cookie = joined.cookies.find((c) => c.startsWith(`ballot_${workshop.id}=`));
				if (joined.status !== 200 || !cookie) return error(`join ${joined.status}`);
			} catch (e) {
				return error(`join ${(e as Error).message}`);
			}
			const stream = openStream(app, `/api/w/${workshop.code}/events`, cookie);
			streams.push(stream);
			try {
				await Promise.race([stream.ready, sleep(10_000).then(() => Promise.reject(new Error('timeout')))]);
			} catch (e) {
				error(`participant stream ${(e as Error).message}`);
			}
			for (const area of AREAS) {
				const started = performance.now();
				try {
					const reply = await request(app, 'POST', `/api/w/${workshop.code}/ratings`, JSON.stringify({ area, level: 1 + Math.floor(random() * 4) }), json(cookie));
					const at = performance.now();
					if (reply.status !== 200) {
						error(`rate ${reply.status}`);
						continue;
					}
					ackMs.push(at - started);
					acks.push({ seq: JSON.parse(reply.body).seq as number, at, instance });
				} catch (e) {
					error(`rate ${(e as Error).message}`);
				}
			}
			finished++;
		};

		console.log(`\n${participants} Teilnehmende über ${spreadS} s auf ${instances} Instanzen`);
		const t0 = performance.now();
		const peakRss = apps.map(() => 0);
		const sample = () => apps.forEach((app, i) => (peakRss[i] = Math.max(peakRss[i]!, round1(residentMb(app.child.pid!)) ?? 0)));
		const progress = setInterval(() => {
			sample();
			console.log(
				`  t=${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s  fertig ${finished}/${participants}  Bewertungen ${acks.length}` +
					`  Fehler ${[...errors.values()].reduce((x, y) => x + y, 0)}  RSS ${peakRss.map((r) => `${r} MB`).join(' / ')}`
			);
		}, 5_000);
		await Promise.all(
			Array.from({ length: participants }, (_, i) => participant(i, t0 + (participants === 1 ? 0 : (i / (participants - 1)) * spreadS * 1000)))
		);
		// The presenters must see every acknowledged rating; give them a bounded moment to catch up.
		const crossOf = (ack: { instance: number }) => seenOn[(ack.instance + 1) % apps.length]!;
		const missing = () => acks.filter((ack) => !crossOf(ack).has(ack.seq)).length;
		const until = performance.now() + 10_000;
		while (missing() > 0 && performance.now() < until) await sleep(50);
		clearInterval(progress);
		sample();
		for (const s of streams) if (s.lost) error('participant stream closed by server');
		for (const p of presenters) if (p.lost) error('presenter stream lost');

		const presenterMs = acks.filter((ack) => crossOf(ack).has(ack.seq)).map((ack) => crossOf(ack).get(ack.seq)! - ack.at);
		const everywhere = acks.filter((ack) => seenOn.every((seen) => seen.has(ack.seq))).length;
		const client = new pg.Client({ connectionString: cluster.pg.url });
		await client.connect();
		const stored = Number((await client.query('select count(*) as n from rating where workshop_id = $1', [workshop.id])).rows[0].n);
		await client.end();
		for (const s of streams) s.close();
		for (const p of presenters) p.close();

		const totalErrors = [...errors.values()].reduce((x, y) => x + y, 0);
		const figures = {
			store: 'postgres',
			instances,
			participants,
			spreadS,
			acknowledged: ackMs.length,
			stored,
			presenterCounted: acks.length - missing(),
			presenterCountedOnEveryInstance: everywhere,
			errors: totalErrors,
			errorKinds: Object.fromEntries(errors),
			ackP50Ms: round1(percentile(ackMs, 50)),
			ackP95Ms: round1(percentile(ackMs, 95)),
			ackP99Ms: round1(percentile(ackMs, 99)),
			presenterP95Ms: round1(percentile(presenterMs, 95)),
			rssMbPerInstance: peakRss,
			targets: TARGETS
		};
		const lost = figures.acknowledged - Math.min(figures.stored, figures.presenterCounted);
		console.log(
			`\nErgebnis: ${figures.acknowledged} bestätigt, ${stored} gespeichert, ${figures.presenterCounted} beim Präsentator der anderen Instanz, ` +
				`${totalErrors} Fehler, ${lost} verloren; Bestätigung p95 ${figures.ackP95Ms} ms (Ziel < ${TARGETS.ackP95Ms}), ` +
				`Präsentator p95 ${figures.presenterP95Ms} ms (Ziel < ${TARGETS.presenterP95Ms})`
		);
		console.log(JSON.stringify(figures));
	} finally {
		agent.destroy();
		await cluster.stop();
	}
}
