// A throw-away PostgreSQL cluster for tests and benchmarks: initdb in a temp folder, started as the
// `postgres` user when running as root (the server refuses root), on a free port on 127.0.0.1 only.
// `restart()` is pg_ctl restart (the bus-reconnect test); `stop()` removes everything.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './bench/lib/ports.js';

export interface PgCluster {
	url: string;
	port: number;
	dir: string;
	restart(): void;
	stop(): void;
}

/** The folder with initdb and pg_ctl: PG_BIN, else the newest /usr/lib/postgresql/N/bin; undefined when none. */
export function findPgBin(): string | undefined {
	if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : undefined;
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) return undefined;
	const versions = readdirSync(base)
		.filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

/** Starts a cluster (≈ 2 s); throws with pg_ctl's log when it does not come up. */
export async function startPgCluster(options: { settings?: string[] } = {}): Promise<PgCluster> {
	const bin = findPgBin();
	if (!bin) throw new Error('No PostgreSQL binaries (initdb, pg_ctl): install Debian\'s postgresql or set PG_BIN');
	const dir = mkdtempSync(join(tmpdir(), 'selbstcheck-pg-'));
	chmodSync(dir, 0o777);
	const asRoot = process.getuid?.() === 0;
	const run = (tool: string, args: string[]) =>
		asRoot
			? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe' })
			: execFileSync(join(bin, tool), args, { stdio: 'pipe' });
	const data = join(dir, 'data');
	const log = join(dir, 'log');
	run('initdb', ['-D', data, '-A', 'trust', '-U', 'app', '--no-sync', '-E', 'UTF8']);
	const port = await freePort();
	const settings = ['-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...(options.settings ?? [])];
	const ctl = (action: 'start' | 'restart' | 'stop') =>
		run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '30', '-m', 'fast', ...(action === 'stop' ? [] : ['-o', settings.join(' ')]), action]);
	try {
		ctl('start');
	} catch (error) {
		let text = '';
		try {
			text = execFileSync('cat', [log]).toString();
		} catch {
			// no log
		}
		rmSync(dir, { recursive: true, force: true });
		throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${text}`);
	}
	let stopped = false;
	return {
		url: `postgres://app@127.0.0.1:${port}/postgres`,
		port,
		dir,
		restart: () => void ctl('restart'),
		stop() {
			if (stopped) return;
			stopped = true;
			try {
				ctl('stop');
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}
