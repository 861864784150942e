// Scenario "burst": C loops post ratings as fast as they can, against the app and against the bare
// baseline server on a copy of the app's database, taking turns in R rounds of S/R seconds each, so
// that both see the same load from whatever else runs on the machine.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { RunningServer } from '../lib/app.js';
import { RunBroke, stopChild } from '../lib/lifecycle.js';
import { cpuSeconds } from '../lib/proc.js';
import { fmt2 } from '../lib/stats.js';
import { joinWorkshop, type Ballot, type Workshop } from './api.js';
import { Tally, errorKey, jsonHeaders, request } from './http.js';
import { startBaseline } from './servers.js';
import { MAX_REQUESTS_PER_LOOP, type Dice, type Settings } from './settings.js';

export interface LoadResult {
	ok: number;
	errors: Tally;
	seconds: number;
	/** CPU seconds the server used meanwhile (null without /proc). */
	cpu: number | null;
}

/** C loops, each with its own ballot, posting ratings back to back until the time is up. */
async function load(server: RunningServer, ballots: Ballot[], seconds: number, path: string, dice: Dice): Promise<LoadResult> {
	const { port, origin } = server;
	const cpuBefore = cpuSeconds(server.child.pid!);
	// Fresh sockets for every slice: a socket left idle while the other server had its turn may be
	// closed by the server's keep-alive timeout just as it is reused (ECONNRESET).
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1024, maxFreeSockets: 1024 });
	const errors = new Tally();
	let ok = 0;
	const started = performance.now();
	const until = started + seconds * 1000;
	await Promise.all(
		ballots.map(async (ballot) => {
			for (let n = 0; n < MAX_REQUESTS_PER_LOOP && performance.now() < until; n++) {
				try {
					const reply = await request(port, 'POST', path, {
						headers: jsonHeaders(origin, ballot.cookie),
						body: JSON.stringify({ area: dice.area(), level: dice.level() }),
						agent
					});
					if (reply.status === 200) ok++;
					else errors.add(errorKey('rate', reply));
				} catch (error) {
					errors.add(`rate ${(error as Error).message}`);
					// A refused connection fails at once; do not spin on it.
					await sleep(10);
				}
			}
		})
	);
	agent.destroy();
	const cpuAfter = cpuSeconds(server.child.pid!);
	const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
	return { ok, errors, seconds: (performance.now() - started) / 1000, cpu };
}

export interface BurstResult {
	app: LoadResult;
	baseline: LoadResult | null;
	ratingsPerSec: number;
	baselinePerSec: number | null;
	ratio: number | null;
	/** Server CPU milliseconds per stored rating: what bounds the rate on an otherwise idle machine. */
	appCpuMs: number | null;
	baselineCpuMs: number | null;
}

export async function burstScenario(app: RunningServer, workshop: Workshop, dbPath: string, copyPath: string, settings: Settings, dice: Dice): Promise<BurstResult> {
	const slice = settings.burstS / settings.burstRounds;
	console.log(`\nSzenario „burst“: ${settings.connections} Schleifen, je ${settings.burstS} s, abwechselnd App und Vergleich in ${settings.burstRounds} Runden zu ${slice.toFixed(1)} s`);
	const ballots: Ballot[] = [];
	const joinErrors = new Tally();
	for (let i = 0; i < settings.connections; i++) {
		try {
			const ballot = await joinWorkshop(app, workshop, null);
			if ('status' in ballot) joinErrors.add(errorKey('join', ballot));
			else ballots.push(ballot);
		} catch (error) {
			joinErrors.add(`join ${(error as Error).message}`);
		}
	}
	if (ballots.length === 0) {
		joinErrors.print();
		throw new RunBroke('Burst: kein einziger Beitritt gelang.');
	}

	// The app's database with these ballots, copied by the online backup while the app runs, becomes
	// the baseline's database. Both servers then stay up and take turns, slice by slice, so both meet
	// the same load from the rest of the machine (shared cores make back-to-back runs differ by 2×).
	console.log('  Kopiere die Datenbank, starte den Vergleichsserver …');
	const source = new Database(dbPath, { fileMustExist: true });
	try {
		await source.backup(copyPath);
	} finally {
		source.close();
	}
	const appLoad: LoadResult = { ok: 0, errors: new Tally(), seconds: 0, cpu: 0 };
	const baselineLoad: LoadResult = { ok: 0, errors: new Tally(), seconds: 0, cpu: 0 };
	const add = (sum: LoadResult, part: LoadResult) => {
		sum.ok += part.ok;
		sum.seconds += part.seconds;
		sum.cpu = sum.cpu === null || part.cpu === null ? null : sum.cpu + part.cpu;
		for (const [key, n] of part.errors.counts) for (let i = 0; i < n; i++) sum.errors.add(key);
	};
	let baseline: RunningServer | undefined;
	try {
		baseline = await startBaseline(copyPath, settings);
		for (let round = 1; round <= settings.burstRounds; round++) {
			const a = await load(app, ballots, slice, `/api/w/${workshop.code}/ratings`, dice);
			const b = await load(baseline, ballots, slice, `/ratings/${workshop.id}`, dice);
			add(appLoad, a);
			add(baselineLoad, b);
			console.log(
				`  Runde ${round}: App ${(a.ok / a.seconds).toFixed(1)}/s, Vergleich ${(b.ok / b.seconds).toFixed(1)}/s, ` +
					`Verhältnis ${(a.ok / a.seconds / (b.ok / b.seconds)).toFixed(2)}`
			);
		}
	} finally {
		if (baseline) await stopChild(baseline.child);
	}
	for (const [key, n] of joinErrors.counts) for (let i = 0; i < n; i++) appLoad.errors.add(key);
	const ratingsPerSec = appLoad.ok / appLoad.seconds;
	const baselinePerSec = baselineLoad.ok / baselineLoad.seconds;
	const cpuMs = (l: LoadResult) => (l.cpu === null || l.ok === 0 ? null : (1000 * l.cpu) / l.ok);
	console.log(
		`  App: ${appLoad.ok} gespeichert in ${appLoad.seconds.toFixed(1)} s = ${ratingsPerSec.toFixed(1)}/s, ` +
			`Server-CPU ${fmt2(cpuMs(appLoad), ' ms')} je Bewertung, Fehler ${appLoad.errors.total}`
	);
	console.log(
		`  Vergleich: ${baselineLoad.ok} gespeichert in ${baselineLoad.seconds.toFixed(1)} s = ${baselinePerSec.toFixed(1)}/s, ` +
			`Server-CPU ${fmt2(cpuMs(baselineLoad), ' ms')} je Bewertung, Fehler ${baselineLoad.errors.total}`
	);
	return {
		app: appLoad,
		baseline: baselineLoad,
		ratingsPerSec,
		baselinePerSec,
		ratio: baselinePerSec > 0 ? ratingsPerSec / baselinePerSec : null,
		appCpuMs: cpuMs(appLoad),
		baselineCpuMs: cpuMs(baselineLoad)
	};
}
