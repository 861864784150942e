// The workshop benchmark's settings: the command line, the timeouts and the targets.
import { parseArgs } from 'node:util';

export interface Settings {
	participants: number;
	spreadS: number;
	burstS: number;
	connections: number;
	burstRounds: number;
	baselineGroupCommit: boolean;
	noBuild: boolean;
	seed: number;
}

/** Reads the command line; exits with code 2 on a value out of range. */
export function readSettings(args = process.argv.slice(2)): Settings {
	const { values: argv } = parseArgs({
		args,
		options: {
			participants: { type: 'string', default: '1000' },
			spread: { type: 'string', default: '60' },
			'burst-seconds': { type: 'string', default: '20' },
			connections: { type: 'string', default: '64' },
			'burst-rounds': { type: 'string', default: '4' },
			'baseline-group-commit': { type: 'boolean', default: false },
			'no-build': { type: 'boolean', default: false },
			seed: { type: 'string', default: '1' }
		}
	});
	return {
		participants: intArg('participants', argv.participants!, 1, 5000),
		spreadS: intArg('spread', argv.spread!, 0, 3600),
		burstS: intArg('burst-seconds', argv['burst-seconds']!, 1, 600),
		connections: intArg('connections', argv.connections!, 1, 512),
		burstRounds: intArg('burst-rounds', argv['burst-rounds']!, 1, 100),
		baselineGroupCommit: argv['baseline-group-commit']!,
		noBuild: argv['no-build']!,
		seed: intArg('seed', argv.seed!, 0, 2 ** 31)
	};
}

function intArg(name: string, raw: string, min: number, max: number): number {
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min || value > max) {
		console.error(`--${name} muss eine ganze Zahl von ${min} bis ${max} sein (war: ${raw})`);
		process.exit(2);
	}
	return value;
}

export const AREAS = [1, 2, 3, 4, 5, 6, 7] as const;

export const BUILD_TIMEOUT_MS = 300_000;
export const STARTUP_TIMEOUT_MS = 30_000;
export const REQUEST_TIMEOUT_MS = 10_000;
export const STREAM_OPEN_TIMEOUT_MS = 10_000;
export const PRESENTER_CATCH_UP_MS = 10_000;
/** Each participant makes 8 requests with a 10 s timeout each, so this is never the limit in a healthy run. */
export const SCENARIO_GRACE_MS = 120_000;
export const MAX_REQUESTS_PER_LOOP = 1_000_000;

export const TARGETS = { ackP95Ms: 50, presenterP95Ms: 250, rssMb: 300, ratio: 0.5 };

/** mulberry32: the same run for the same --seed. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The run's random choices, one sequence for both scenarios, so the same --seed gives the same run. */
export interface Dice {
	/** A level 1–4, or null ("cannot judge") one time in ten. */
	level(): number | null;
	area(): number;
}

export function dice(seed: number): Dice {
	const rand = random(seed);
	return {
		level: () => (rand() < 0.1 ? null : 1 + Math.floor(rand() * 4)),
		area: () => AREAS[Math.floor(rand() * AREAS.length)]!
	};
}
