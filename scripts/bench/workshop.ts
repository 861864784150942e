// Load benchmark for the live workshop: `tsx scripts/bench/workshop.ts [--participants N]
// [--spread SECONDS] [--burst-seconds S] [--burst-rounds R] [--baseline-group-commit] [--connections C]
// [--no-build] [--seed N]`.
//
// Scenario "workshop" (workshop/participants.ts): N participants arrive spread over the given
// seconds; each joins, holds its participant event stream open and rates the seven areas one after
// another, while one presenter stream counts the rating events. Scenario "burst" (workshop/burst.ts):
// C loops post ratings as fast as they can, against the app and against a bare node:http server
// doing the same database work (baseline-server.ts) on a copy of the app's database, taking turns
// in R rounds of S/R seconds each, so that both see the same load from whatever else runs on the
// machine. --baseline-group-commit lets the baseline commit like the app (one transaction per batch).
//
// Everything runs on 127.0.0.1; every child process is killed on the way out. The last line of
// output is one JSON object with the figures (workshop/report.ts). Exit code 0 means the run
// completed (targets missed or not); non-zero means it could not run (build failed, server did not
// start, setup refused).
import { join } from 'node:path';
import { buildApp } from './lib/app.js';
import { RunBroke, cleanUpNow, makeTempDir, stopChild } from './lib/lifecycle.js';
import { createWorkshop, login, openAreas } from './workshop/api.js';
import { burstScenario } from './workshop/burst.js';
import { closeAgents } from './workshop/http.js';
import { workshopScenario } from './workshop/participants.js';
import { report } from './workshop/report.js';
import { startWorkshopApp } from './workshop/servers.js';
import { BUILD_TIMEOUT_MS, PRESENTER_CATCH_UP_MS, SCENARIO_GRACE_MS, STARTUP_TIMEOUT_MS, dice, readSettings } from './workshop/settings.js';

// --store postgres --instances N: several app instances on PostgreSQL, in cluster.ts.
if (process.argv.slice(2).some((arg) => arg === '--store' || arg.startsWith('--store='))) {
	const { main: clusterMain } = await import('./cluster.js');
	await clusterMain(process.argv.slice(2)).then(
		() => process.exit(0),
		(error: unknown) => {
			console.error((error as Error).stack ?? String(error));
			process.exit(1);
		}
	);
}

const settings = readSettings();

async function main(): Promise<void> {
	// Every phase is bounded on its own; this is the backstop should one of them hang anyway.
	const budgetMs = BUILD_TIMEOUT_MS + 2 * STARTUP_TIMEOUT_MS + settings.spreadS * 1000 + SCENARIO_GRACE_MS + PRESENTER_CATCH_UP_MS + 2 * settings.burstS * 1000 + 120_000;
	setTimeout(() => {
		console.error(`Abbruch: der Lauf hat sein Zeitbudget von ${Math.round(budgetMs / 1000)} s überschritten.`);
		process.exit(1);
	}, budgetMs).unref();

	if (!settings.noBuild) await buildApp(BUILD_TIMEOUT_MS);
	const tempDir = makeTempDir('bench-workshop-');
	const dbPath = join(tempDir, 'bench.db');
	// One sequence of random choices for both scenarios: the same --seed gives the same run.
	const roll = dice(settings.seed);

	console.log('Starte die App …');
	const app = await startWorkshopApp(dbPath);
	console.log(`  läuft auf ${app.origin} (pid ${app.child.pid})`);
	try {
		const staffCookie = await login(app);
		const workshop = await createWorkshop(app, staffCookie);
		console.log(`  Workshop ${workshop.id}, Code ${workshop.code}`);
		await openAreas(app, staffCookie, workshop);

		const workshopResult = await workshopScenario(app, staffCookie, workshop, dbPath, settings, roll);
		if (app.child.exitCode !== null || app.child.signalCode !== null) {
			throw new RunBroke(`Der Server hat sich während des Szenarios beendet:\n${app.output()}`);
		}
		const burstResult = await burstScenario(app, workshop, dbPath, join(tempDir, 'baseline.db'), settings, roll);
		report(workshopResult, burstResult);
	} finally {
		await stopChild(app.child);
	}
}

main().then(
	() => {
		closeAgents();
		cleanUpNow();
		process.exit(0);
	},
	(error: unknown) => {
		console.error(`\n${error instanceof RunBroke ? error.message : (error as Error).stack ?? String(error)}`);
		process.exit(1);
	}
);
