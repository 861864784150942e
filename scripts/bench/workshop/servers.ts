// The servers the workshop benchmark measures: the app, with the per-address limits lifted (every
// simulated participant comes from the one address of this machine), and the bare baseline server
// (baseline-server.ts) the burst compares it with.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, startApp, type RunningServer } from '../lib/app.js';
import { RunBroke, captureOutput, track } from '../lib/lifecycle.js';
import { HOST } from '../lib/ports.js';
import { STARTUP_TIMEOUT_MS, type Settings } from './settings.js';

/** The app on a fresh demo database; BENCH_NODE_ARGS passes flags to its node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
export function startWorkshopApp(dbPath: string): Promise<RunningServer> {
	return startApp({
		dbPath,
		nodeArgs: process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean),
		// All simulated participants come from this one address: lift the per-address limits (meant for real rooms).
		env: {
			BALLOTS_PER_ADDRESS_PER_MINUTE: process.env.BALLOTS_PER_ADDRESS_PER_MINUTE ?? '100000',
			SSE_PER_ADDRESS: process.env.SSE_PER_ADDRESS ?? '100000'
		},
		timeoutMs: STARTUP_TIMEOUT_MS
	});
}

/** The baseline on a copy of the app's database; it prints "listening <port>" once it is up. */
export async function startBaseline(dbPath: string, settings: Settings): Promise<RunningServer> {
	const child = track(
		spawn(
			process.execPath,
			['--import', 'tsx', join(ROOT, 'scripts', 'bench', 'baseline-server.ts'), '--db', dbPath, '--port', '0', '--max-seconds', String(2 * settings.burstS + 120), ...(settings.baselineGroupCommit ? ['--group-commit'] : [])],
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
