// What both benchmark scripts need to leave the machine as they found it: every child process they
// start is killed and their temporary folder removed, on success, failure or Ctrl-C.
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
