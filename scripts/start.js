#!/usr/bin/env node
// `npm start`: builds the app when the sources are newer than the build, then serves it in demo
// mode on 127.0.0.1:3000. Every default can be overridden by the environment (see README).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const buildEntry = join(root, 'build', 'index.js');
const sources = ['src', 'static', 'db/migrations', 'db/catalogues', 'package.json', 'svelte.config.js', 'vite.config.ts'];

function newestChange(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

const builtAt = existsSync(buildEntry) ? statSync(buildEntry).mtimeMs : 0;
if (builtAt < Math.max(...sources.map((s) => newestChange(join(root, s))))) {
	console.log('Baue die Anwendung (einmalig, ca. 15 s) …');
	// The build's output is only shown when it fails; a newcomer needs the URL and the login, not timings.
	const build = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe'],
		maxBuffer: 64 * 1024 * 1024
	});
	if (build.status !== 0) {
		process.stderr.write(build.stdout);
		process.stderr.write(build.stderr);
		console.error('Der Build ist fehlgeschlagen (siehe oben).');
		process.exit(build.status ?? 1);
	}
}

const env = { ...process.env };
env.HOST ||= '127.0.0.1';
env.PORT ||= '3000';
const publicHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
env.ORIGIN ||= `http://${publicHost.includes(':') ? `[${publicHost}]` : publicHost}:${env.PORT}`;
env.SEED_DEMO ??= '1';
// The one-command start also brings a PostgreSQL database (DATABASE_URL) up to date; `node build` does not (README).
env.MIGRATE_ON_START ??= '1';
// adapter-node's default (512K) is below the app's 2 MB catalogue limit; see README.
env.BODY_SIZE_LIMIT ||= '4M';

console.log(`Selbstcheck Weltoffene Kommune startet: ${env.ORIGIN}`);
const server = spawn(process.execPath, [buildEntry], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
