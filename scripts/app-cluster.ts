// Several built app instances (`node build`) on one throw-away PostgreSQL cluster, for the
// two-instance e2e test and `npm run bench:workshop -- --store postgres --instances 2`.
// The first instance applies the migrations and seeds the demo (MIGRATE_ON_START=1, SEED_DEMO=1);
// the others start after it, on the same database. Everything listens on 127.0.0.1, free ports.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './bench/lib/ports.js';
import { startPgCluster, type PgCluster } from './pg-cluster.js';

const ROOT = new URL('..', import.meta.url).pathname;

export interface AppInstance {
	url: string;
	port: number;
	child: ChildProcess;
	/** The last output lines (for error messages). */
	output(): string;
	stop(): Promise<void>;
}

export interface AppCluster {
	pg: PgCluster;
	apps: AppInstance[];
	stop(): Promise<void>;
}

/** Starts `node build` with the environment given; resolves once /api/health answers 200. */
export async function startAppInstance(env: Record<string, string>, options: { nodeArgs?: string[]; timeoutMs?: number } = {}): Promise<AppInstance> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(ROOT, 'build', 'index.js')], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: url, BODY_SIZE_LIMIT: '4M', INITIAL_ADMIN_EMAIL: '', INITIAL_ADMIN_PASSWORD: '', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const lines: string[] = [];
	const keep = (chunk: Buffer) => {
		lines.push(...chunk.toString().split('\n').filter(Boolean));
		if (lines.length > 60) lines.splice(0, lines.length - 60);
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	const output = () => lines.join('\n');
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
		await exited;
		clearTimeout(timer);
	};
	const deadline = Date.now() + (options.timeoutMs ?? 30_000);
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`App instance exited early:\n${output()}`);
		try {
			if ((await fetch(`${url}/api/health`)).ok) return { url, port, child, output, stop };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	await stop();
	throw new Error(`App instance did not answer /api/health within the time:\n${output()}`);
}

/**
 * A PostgreSQL cluster and `instances` app processes on it. `env` goes to every instance
 * (e.g. LOGIN_MAX_FAILURES); stop() ends the apps, then the cluster.
 */
export async function startAppCluster(options: { instances: number; env?: Record<string, string>; nodeArgs?: string[]; pgSettings?: string[] }): Promise<AppCluster> {
	const pg = await startPgCluster({ settings: options.pgSettings });
	const apps: AppInstance[] = [];
	const stop = async () => {
		await Promise.all(apps.map((a) => a.stop()));
		pg.stop();
	};
	try {
		// DATABASE_PATH points into the cluster's temp folder: should DATABASE_URL ever be ignored, no
		// SQLite file of the worktree is touched (and the two-instance checks fail, as they should).
		const env = { DATABASE_URL: pg.url, DATABASE_PATH: join(pg.dir, 'not-used.db'), SEED_DEMO: '1', ...options.env };
		apps.push(await startAppInstance({ ...env, MIGRATE_ON_START: '1' }, { nodeArgs: options.nodeArgs }));
		const rest = await Promise.all(
			Array.from({ length: options.instances - 1 }, () => startAppInstance({ ...env, MIGRATE_ON_START: '0' }, { nodeArgs: options.nodeArgs }))
		);
		apps.push(...rest);
	} catch (error) {
		await stop();
		throw error;
	}
	return { pg, apps, stop };
}
