/**
 * Live streams and memory: starts the built app (fresh demo database in a temp folder), opens
 * `--streams` participant streams from one address, checks that one more is refused with 429,
 * closes them all and measures the server's resident memory (VmRSS) before, while open and after
 * closing, in three rounds (a leak would show as later rounds ending ever higher).
 *
 *   npm run bench:streams                 # 2,000 streams, SSE_PER_ADDRESS set to match
 *   npm run bench:streams -- --streams 500
 *
 * Builds first when build/ is missing. Linux only (reads /proc).
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ROOT, buildApp, startApp } from './lib/app.js';
import { RunBroke, cleanUpNow, makeTempDir } from './lib/lifecycle.js';
import { HOST } from './lib/ports.js';
import { residentMb } from './lib/proc.js';

const { values } = parseArgs({ options: { streams: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '3' } } });
const STREAMS = Number(values.streams);
const ROUNDS = Number(values.rounds);
if (!Number.isInteger(STREAMS) || STREAMS < 1 || STREAMS > 10_000) throw new RunBroke('--streams: 1 … 10000');

let closedEarly = 0;
/** The server's resident memory in MiB (NaN when /proc cannot be read). */
const rss = (pid: number) => residentMb(pid) ?? NaN;
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

interface Stream {
	status: number;
	close: () => void;
}

/** Opens one stream and resolves once its status (and, for 200, the first bytes) arrived. */
function openStream(port: number, path: string): Promise<Stream> {
	return new Promise((resolve, reject) => {
		const req = http.get({ host: HOST, port, path, agent, headers: { accept: 'text/event-stream' } }, (res) => {
			// An open stream is idle between heartbeats: only opening it has a timeout.
			req.setTimeout(0);
			const close = () => req.destroy();
			if (res.statusCode !== 200) {
				res.resume();
				res.on('end', () => resolve({ status: res.statusCode ?? 0, close }));
				return;
			}
			res.once('data', () => resolve({ status: 200, close }));
			res.once('close', () => (closedEarly += req.destroyed ? 0 : 1));
			res.on('error', () => undefined);
		});
		req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
		req.setTimeout(15_000, () => req.destroy(new Error('timeout')));
	});
}

async function main() {
	if (!existsSync(join(ROOT, 'build', 'index.js'))) await buildApp();
	const dir = makeTempDir('bench-streams-');
	const dbPath = join(dir, 'bench.db');
	const app = await startApp({
		dbPath,
		nodeArgs: ['--expose-gc', '--import', join(ROOT, 'scripts', 'bench', 'lib', 'heap-probe.mjs')],
		env: { INITIAL_ADMIN_EMAIL: '', INITIAL_ADMIN_PASSWORD: '', SSE_PER_ADDRESS: String(STREAMS) }
	});
	const { port, child: server } = app;
	let probeLine: ((line: string) => void) | undefined;
	server.stdout!.on('data', (chunk: Buffer) => {
		const match = /heap-probe (.*)/.exec(chunk.toString('utf8'));
		if (match) probeLine?.(match[1]!);
	});
	/** The server's live heap after a full garbage collection, in MiB. */
	const liveHeapMb = () =>
		new Promise<number>((resolve) => {
			probeLine = (line) => {
				const usage = JSON.parse(line) as { heapUsed: number; external: number };
				resolve((usage.heapUsed + usage.external) / 1024 / 1024);
			};
			server.kill('SIGUSR2');
		});
	const db = new Database(dbPath, { readonly: true });
	const { code } = db.prepare('select code from workshop order by id limit 1').get() as { code: string };
	db.close();
	const path = `/api/w/${code}/events`;
	const pid = server.pid!;

	// Warm up the route once so the first measurement is not the cost of loading code.
	(await openStream(port, path)).close();
	await sleep(2000);
	const rows: string[][] = [];
	const start = rss(pid);
	console.log(`Server-RSS nach dem Start: ${start.toFixed(1)} MiB; ${STREAMS} Streams von einer Adresse (SSE_PER_ADDRESS=${STREAMS})`);
	for (let round = 1; round <= ROUNDS; round++) {
		const before = rss(pid);
		const heapBefore = await liveHeapMb();
		const streams: Stream[] = [];
		for (let i = 0; i < STREAMS; i += 100) {
			streams.push(...(await Promise.all(Array.from({ length: Math.min(100, STREAMS - i) }, () => openStream(port, path)))));
		}
		const accepted = streams.filter((s) => s.status === 200).length;
		const extra = await openStream(port, path);
		if (closedEarly > 0) console.log(`Vom Server vorzeitig geschlossen: ${closedEarly}`);
		await sleep(1000);
		const open = rss(pid);
		const heapOpen = await liveHeapMb();
		for (const stream of streams) stream.close();
		// The slots are free again once one more stream is accepted… and all of them once STREAMS are.
		let freed = false;
		for (let i = 0; i < 50 && !freed; i++) {
			await sleep(200);
			const probe = await openStream(port, path);
			probe.close();
			freed = probe.status === 200;
		}
		await sleep(5000);
		const after = rss(pid);
		const heapAfter = await liveHeapMb();
		rows.push([
			String(round),
			`${before.toFixed(1)} / ${heapBefore.toFixed(1)}`,
			`${open.toFixed(1)} / ${heapOpen.toFixed(1)}`,
			`${after.toFixed(1)} / ${heapAfter.toFixed(1)}`,
			`${accepted}/${STREAMS}`,
			String(extra.status),
			freed ? 'ja' : 'nein'
		]);
		if (accepted !== STREAMS || extra.status !== 429 || !freed) {
			console.table(rows);
			throw new RunBroke(`Runde ${round}: erwartet ${STREAMS} angenommen, der nächste 429, danach wieder frei`);
		}
	}
	console.log('\nMiB: RSS / lebender Heap nach GC (heapUsed + external)');
	console.log('Runde | vorher | offen | geschlossen | angenommen | Stream N+1 | Plätze frei');
	for (const row of rows) console.log(row.join(' | '));
	const heapOf = (cell: string) => Number(cell.split(' / ')[1]);
	const perStream = ((heapOf(rows[0]![2]!) - heapOf(rows[0]![1]!)) * 1024) / STREAMS;
	console.log(`\n≈ ${perStream.toFixed(1)} KiB lebender Heap je offenem Stream (Runde 1)`);
	cleanUpNow();
}

main().catch((error) => {
	console.error(error instanceof RunBroke ? error.message : error);
	cleanUpNow();
	process.exit(1);
});
