// Scenario "workshop": the participants arrive spread over the given seconds; each joins, holds its
// participant event stream open and rates the seven areas one after another, while one presenter
// stream records when each rating shows up.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { RunningServer } from '../lib/app.js';
import { residentMb } from '../lib/proc.js';
import { fmt, percentile } from '../lib/stats.js';
import { joinWorkshop, type Ballot, type Workshop } from './api.js';
import { EventStream, Tally, errorKey, jsonHeaders, request, withTimeout, type Reply } from './http.js';
import { AREAS, PRESENTER_CATCH_UP_MS, SCENARIO_GRACE_MS, STREAM_OPEN_TIMEOUT_MS, type Dice, type Settings } from './settings.js';

export interface WorkshopResult {
	participants: number;
	acknowledged: number;
	stored: number | null;
	presenterCounted: number;
	errors: number;
	ackP50Ms: number | null;
	ackP95Ms: number | null;
	ackP99Ms: number | null;
	presenterP95Ms: number | null;
	rssMb: number | null;
	peakRssMb: number | null;
	streamsOpen: number;
	missingSeqs: number;
	errorTally: Tally;
}

export async function workshopScenario(app: RunningServer, staffCookie: string, workshop: Workshop, dbPath: string, settings: Settings, dice: Dice): Promise<WorkshopResult> {
	const errors = new Tally();
	const ackLatencies: number[] = [];
	const ackAt = new Map<number, number>();
	const presenterAt = new Map<number, number>();
	const streams: EventStream[] = [];
	let joined = 0;
	let finished = 0;

	// The presenter's screen: opened before anyone joins, records when each rating shows up.
	const presenter = new EventStream(
		app.port,
		`/api/workshops/${workshop.id}/events`,
		staffCookie,
		(event, data) => {
			if (event !== 'rating') return;
			const now = performance.now();
			try {
				const seq = JSON.parse(data).seq;
				if (typeof seq === 'number' && !presenterAt.has(seq)) presenterAt.set(seq, now);
			} catch {
				errors.add('presenter malformed rating event');
			}
		},
		(why) => errors.add(`presenter stream lost: ${why}`)
	);
	try {
		await withTimeout(presenter.firstState, STREAM_OPEN_TIMEOUT_MS, 'presenter');
	} catch (error) {
		errors.add(`presenter events: ${(error as Error).message}`);
	}

	const groups = ['Zivilgesellschaft', null] as const;
	const participant = async (index: number, startAt: number): Promise<void> => {
		await sleep(Math.max(0, startAt - performance.now()));
		let ballot: Ballot | Reply;
		try {
			ballot = await joinWorkshop(app, workshop, groups[index % 5 === 4 ? 1 : 0]);
		} catch (error) {
			errors.add(`join ${(error as Error).message}`);
			return;
		}
		if ('status' in ballot) {
			errors.add(errorKey('join', ballot));
			return;
		}
		joined++;
		const stream = new EventStream(app.port, `/api/w/${workshop.code}/events`, ballot.cookie);
		streams.push(stream);
		try {
			await withTimeout(stream.firstState, STREAM_OPEN_TIMEOUT_MS, 'events');
		} catch (error) {
			errors.add(`participant events ${(error as Error).message}`);
		}
		for (const area of AREAS) {
			const started = performance.now();
			try {
				const reply = await request(app.port, 'POST', `/api/w/${workshop.code}/ratings`, {
					headers: jsonHeaders(app.origin, ballot.cookie),
					body: JSON.stringify({ area, level: dice.level() })
				});
				const acked = performance.now();
				if (reply.status !== 200) {
					errors.add(errorKey('rate', reply));
					continue;
				}
				const seq = JSON.parse(reply.body).seq;
				if (typeof seq !== 'number') {
					errors.add('rate 200 without seq');
					continue;
				}
				ackLatencies.push(acked - started);
				ackAt.set(seq, acked);
			} catch (error) {
				errors.add(`rate ${(error as Error).message}`);
			}
		}
		finished++;
	};

	console.log(`\nSzenario „workshop“: ${settings.participants} Teilnehmende über ${settings.spreadS} s`);
	const t0 = performance.now();
	let peakRss = 0;
	const progress = setInterval(() => {
		const rss = residentMb(app.child.pid!);
		if (rss !== null) peakRss = Math.max(peakRss, rss);
		console.log(
			`  t=${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s  beigetreten ${joined}/${settings.participants}` +
				`  fertig ${finished}  Bewertungen ${ackAt.size}  beim Präsentator ${presenterAt.size}` +
				`  Fehler ${errors.total}  RSS ${fmt(rss, ' MB')}`
		);
	}, 5_000);

	const everyone = Array.from({ length: settings.participants }, (_, i) =>
		participant(i, t0 + (settings.participants === 1 ? 0 : (i / (settings.participants - 1)) * settings.spreadS * 1000))
	);
	try {
		await withTimeout(Promise.all(everyone), settings.spreadS * 1000 + SCENARIO_GRACE_MS, 'workshop scenario');
	} catch (error) {
		errors.add(`${(error as Error).message} (${settings.participants - finished} participants unfinished)`);
	}

	// The presenter must see every acknowledged rating; give it a bounded moment to catch up.
	const catchUpUntil = performance.now() + PRESENTER_CATCH_UP_MS;
	const missing = () => [...ackAt.keys()].filter((seq) => !presenterAt.has(seq)).length;
	while (missing() > 0 && performance.now() < catchUpUntil) await sleep(50);
	clearInterval(progress);

	const streamsOpen = streams.filter((s) => !s.closedByServer).length;
	// Streams that failed to open are already counted; these opened and were dropped later.
	for (let i = streamsOpen; i < streams.length; i++) errors.add('participant stream closed by server');
	const rss = residentMb(app.child.pid!);
	if (rss !== null) peakRss = Math.max(peakRss, rss);

	const presenterLatencies: number[] = [];
	for (const [seq, acked] of ackAt) {
		const seen = presenterAt.get(seq);
		if (seen !== undefined) presenterLatencies.push(seen - acked);
	}

	let stored: number | null = null;
	try {
		const db = new Database(dbPath, { readonly: true, fileMustExist: true });
		try {
			stored = db.prepare<[number], { n: number }>('select count(*) as n from rating where workshop_id = ?').get(workshop.id)!.n;
		} finally {
			db.close();
		}
	} catch (error) {
		console.log(`  ✗ Zählen in der Datenbank fehlgeschlagen: ${(error as Error).message}`);
	}

	presenter.close();
	for (const stream of streams) stream.close();

	return {
		participants: settings.participants,
		acknowledged: ackLatencies.length,
		stored,
		presenterCounted: presenterAt.size,
		errors: errors.total,
		ackP50Ms: percentile(ackLatencies, 50),
		ackP95Ms: percentile(ackLatencies, 95),
		ackP99Ms: percentile(ackLatencies, 99),
		presenterP95Ms: percentile(presenterLatencies, 95),
		rssMb: rss,
		peakRssMb: peakRss || null,
		streamsOpen,
		missingSeqs: missing(),
		errorTally: errors
	};
}
