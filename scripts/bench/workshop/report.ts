// The result: a table with each figure beside its target, the error tallies, and as the last line
// one JSON object with the figures.
import { fmt, fmt2, round1 } from '../lib/stats.js';
import type { BurstResult } from './burst.js';
import type { WorkshopResult } from './participants.js';
import { TARGETS } from './settings.js';

export function report(w: WorkshopResult, b: BurstResult): void {
	const mark = (ok: boolean) => (ok ? '✓' : '✗');
	const consistent = w.stored === w.acknowledged && w.acknowledged === w.presenterCounted;
	const rows: [string, string, string, boolean | null][] = [
		['Teilnehmende', String(w.participants), '', null],
		['Bewertungen bestätigt (200)', String(w.acknowledged), `= gespeichert = beim Präsentator`, consistent],
		['gespeichert (Tabelle rating)', w.stored === null ? '–' : String(w.stored), '', null],
		['beim Präsentator gezählt', String(w.presenterCounted), '', null],
		['Fehler', String(w.errors), '0', w.errors === 0],
		['Bestätigung p50', fmt(w.ackP50Ms, ' ms'), '', null],
		['Bestätigung p95', fmt(w.ackP95Ms, ' ms'), `< ${TARGETS.ackP95Ms} ms`, w.ackP95Ms !== null && w.ackP95Ms < TARGETS.ackP95Ms],
		['Bestätigung p99', fmt(w.ackP99Ms, ' ms'), '', null],
		['Präsentator p95 (Ankunft − Bestätigung)', fmt(w.presenterP95Ms, ' ms'), `< ${TARGETS.presenterP95Ms} ms`, w.presenterP95Ms !== null && w.presenterP95Ms < TARGETS.presenterP95Ms],
		[`Server-RSS bei ${w.streamsOpen} offenen Streams`, fmt(w.rssMb, ' MB'), `< ${TARGETS.rssMb} MB`, w.rssMb !== null && w.rssMb < TARGETS.rssMb],
		['Server-RSS Spitze (5-s-Takt)', fmt(w.peakRssMb, ' MB'), '', null],
		['Burst: App', `${fmt(b.ratingsPerSec)}/s`, '', null],
		['Burst: Vergleichsserver', `${fmt(b.baselinePerSec)}/s`, '', null],
		['Burst: Verhältnis', fmt2(b.ratio), `≥ ${TARGETS.ratio}`, b.ratio !== null && b.ratio >= TARGETS.ratio],
		['Burst: Server-CPU je Bewertung, App', fmt2(b.appCpuMs, ' ms'), '', null],
		['Burst: Server-CPU je Bewertung, Vergleich', fmt2(b.baselineCpuMs, ' ms'), '', null]
	];
	const width = Math.max(...rows.map((r) => r[0].length));
	const valueWidth = Math.max(...rows.map((r) => r[1].length));
	console.log('\nErgebnis');
	for (const [label, value, target, ok] of rows) {
		console.log(`  ${label.padEnd(width)}  ${value.padStart(valueWidth)}  ${ok === null ? '  ' : mark(ok) + ' '}${target}`);
	}
	if (w.missingSeqs > 0) console.log(`\n  ${w.missingSeqs} bestätigte Bewertungen kamen nie beim Präsentator an.`);
	if (w.errorTally.total > 0) {
		console.log('\n  Fehler im Szenario „workshop“:');
		w.errorTally.print('    ');
	}
	if (b.app.errors.total > 0) {
		console.log('\n  Fehler im Burst gegen die App (nicht in „Fehler“ oben):');
		b.app.errors.print('    ');
	}
	if (b.baseline && b.baseline.errors.total > 0) {
		console.log('\n  Fehler im Burst gegen den Vergleichsserver:');
		b.baseline.errors.print('    ');
	}
	console.log(
		JSON.stringify({
			workshop: {
				participants: w.participants,
				acknowledged: w.acknowledged,
				stored: w.stored,
				presenterCounted: w.presenterCounted,
				errors: w.errors,
				ackP50Ms: round1(w.ackP50Ms),
				ackP95Ms: round1(w.ackP95Ms),
				ackP99Ms: round1(w.ackP99Ms),
				presenterP95Ms: round1(w.presenterP95Ms),
				rssMb: round1(w.rssMb)
			},
			burst: {
				ratingsPerSec: round1(b.ratingsPerSec),
				baselinePerSec: round1(b.baselinePerSec),
				ratio: b.ratio === null ? null : Math.round(b.ratio * 100) / 100,
				appCpuMs: b.appCpuMs === null ? null : Math.round(b.appCpuMs * 1000) / 1000,
				baselineCpuMs: b.baselineCpuMs === null ? null : Math.round(b.baselineCpuMs * 1000) / 1000
			}
		})
	);
}
