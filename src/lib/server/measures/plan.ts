import { isOverdue, strongGapCoverage } from '$lib/domain/measures';
import type { Db } from '../db';
import * as groupStore from '../db/group-phase';
import * as store from '../db/measures';
import type { Assessment } from '../db/schema';
import { today } from '../platform/clock';
import { gapReport } from '../results/gap-report';
import { listMeasures } from './measures';

/**
 * The Maßnahmenplan as pages, exports and the Word document show it: per area in official order
 * both views and the gap (from the default workshop's gap report), the group's summary, the
 * measures with their dated notes and whether they are overdue, and what share of the strong gaps
 * has at least one measure.
 */
export async function measurePlan(db: Db, assessment: Assessment) {
	const report = await gapReport(db, assessment, null);
	const measures = await listMeasures(db, assessment.id);
	const notes = await store.notes(db, measures.map((m) => m.id));
	const summaries = report.workshop ? await groupStore.summaries(db, report.workshop.id) : {};
	const day = today();
	const areas = report.areas.map((a) => ({
		area: a.area,
		name: a.name,
		adminLevel: a.adminLevel,
		adminScore: a.adminScore,
		median: a.tooFewRatings ? null : a.stakeholderMedian,
		gap: a.tooFewRatings ? null : a.gap,
		tooFewRatings: a.tooFewRatings,
		ratings: a.ratings,
		divergence: a.divergence,
		summary: summaries[a.area] ?? null
	}));
	return {
		catalogue: report.catalogue,
		workshop: report.workshop,
		k: report.workshop?.k ?? 5,
		areas,
		today: day,
		measures: measures.map((m) => ({
			...m,
			overdue: isOverdue(m, day),
			notes: notes.filter((n) => n.measure_id === m.id).map((n) => ({ status: n.status, note: n.note, notedOn: n.noted_on, actor: n.actor }))
		})),
		coverage: strongGapCoverage(areas, measures)
	};
}

export type MeasurePlan = Awaited<ReturnType<typeof measurePlan>>;
