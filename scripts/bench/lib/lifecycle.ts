// What every benchmark script needs to leave the machine as it found it: every child process it
// starts is killed and its temporary folder removed, on success, failure or Ctrl-C.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The run itself broke (server did not start, unexpected answer): reported without a stack trace. */
export class RunBroke extends Error {}

const children = new Set<ChildProcess>();
let tempDir: string | undefined;

/** Remembers a child process so it is killed when the script ends. */
export function track(child: ChildProcess): ChildProcess {
	children.add(child);
	child.once('exit', () => children.delete(child));
	return child;
}

/** A fresh temporary folder, removed when the script ends. */
export function makeTempDir(prefix: string): string {
	tempDir = mkdtempSync(join(tmpdir(), prefix));
	return tempDir;
}

/** Stops a child politely, then forcefully; resolves when it has exited. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

/** Keeps the last lines a child printed, to show them when it fails. */
export function captureOutput(child: ChildProcess, keep = 40): () => string {
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

/** Kills the tracked children and removes the temporary folder now (also runs on exit). */
export function cleanUpNow(): void {
	for (const child of children) child.kill('SIGKILL');
	if (tempDir) rmSync(tempDir, { recursive: true, force: true });
	tempDir = undefined;
}

process.on('exit', cleanUpNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		console.error(`\nAbbruch (${signal}).`);
		process.exit(130);
	});
}
