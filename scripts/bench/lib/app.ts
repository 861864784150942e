// The built app as the benchmarks run it: `vite build`, then `node build` on a free port of
// 127.0.0.1 with a SQLite file of the benchmark's own. Every process is tracked (lifecycle.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunBroke, captureOutput, track } from './lifecycle.js';
import { HOST, freePort } from './ports.js';

/** The repository's root folder. */
export const ROOT = new URL('../../..', import.meta.url).pathname;

/** Runs `vite build` (output shown only when it fails); throws RunBroke when it fails or takes too long. */
export async function buildApp(timeoutMs = 300_000): Promise<void> {
	console.log('Baue die Anwendung (vite build) …');
	const started = performance.now();
	const child = track(spawn(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }));
	const output = captureOutput(child);
	const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
	const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
	clearTimeout(timer);
	if (code !== 0) throw new RunBroke(`vite build ist fehlgeschlagen (Exit ${code}):\n${output()}`);
	console.log(`  fertig in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export interface RunningServer {
	child: ChildProcess;
	port: number;
	origin: string;
	/** The last lines the server printed (for error messages). */
	output: () => string;
}

export interface AppOptions {
	/** The SQLite file (created and seeded with the demo unless `env` sets SEED_DEMO to ''). */
	dbPath: string;
	/** Settings for the app, over the ones of this process. */
	env?: Record<string, string>;
	/** Flags for the app's node (e.g. `--cpu-prof`). */
	nodeArgs?: string[];
	timeoutMs?: number;
}

/** Starts `node build`; resolves once GET /api/health answers 200 {"status":"ok"}. */
export async function startApp(options: AppOptions): Promise<RunningServer> {
	const timeoutMs = options.timeoutMs ?? 30_000;
	const port = await freePort();
	const origin = `http://${HOST}:${port}`;
	const child = track(
		spawn(process.execPath, [...(options.nodeArgs ?? []), join(ROOT, 'build', 'index.js')], {
			cwd: ROOT,
			env: { ...process.env, HOST, PORT: String(port), ORIGIN: origin, DATABASE_PATH: options.dbPath, SEED_DEMO: '1', ...options.env },
			stdio: ['ignore', 'pipe', 'pipe']
		})
	);
	const output = captureOutput(child);
	const deadline = performance.now() + timeoutMs;
	while (performance.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new RunBroke(`Der Server hat sich beim Start beendet (Exit ${child.exitCode ?? child.signalCode}):\n${output()}`);
		}
		try {
			const res = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) });
			if (res.status === 200 && (await res.json()).status === 'ok') return { child, port, origin, output };
		} catch {
			// Not listening yet.
		}
		await sleep(250);
	}
	throw new RunBroke(`GET /api/health hat nach ${timeoutMs / 1000} s nicht mit 200 {"status":"ok"} geantwortet:\n${output()}`);
}
