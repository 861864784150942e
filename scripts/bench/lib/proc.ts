// What a benchmark reads about the server it measures from /proc (Linux only; null elsewhere).
import { readFileSync } from 'node:fs';

/** Resident memory of a process in MiB; null where /proc is not available. */
export function residentMb(pid: number): number | null {
	try {
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) / 1024 : null;
	} catch {
		return null;
	}
}

/** CPU seconds (user + system) a process has used so far; null where /proc is not available. */
export function cpuSeconds(pid: number): number | null {
	try {
		// Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return null;
	}
}
