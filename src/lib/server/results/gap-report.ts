import type { Catalogue } from '$lib/schemas/catalogue';
import { formatScore, recommendation } from '$lib/domain/scoring';
import type { Db } from '../db';
import type { Assessment } from '../db/schema';
import * as store from '../db/workshops';
import { adminResult } from './results';
import { participantsByGroup, pickWorkshop, stakeholderSide, workshopSummary } from './stakeholder-results';

/**
 * Everything the gap view, the presenter slides, the report and the exports show: per area in
 * official order both views, the gap and the catalogue's recommendation; the workshop and its
 * participants per group. `workshopParam` picks a workshop of the assessment (default: the latest
 * that is neither a rehearsal nor archived).
 */
export async function gapReport(db: Db, assessment: Assessment, workshopParam: string | null) {
	const workshop = await pickWorkshop(db, assessment, workshopParam);
	const admin = await adminResult(db, assessment);
	const catalogue: Catalogue = admin.catalogue;
	const side = await stakeholderSide(db, workshop, new Map(admin.areas.map((a) => [a.area, a.level])));
	const ballots = workshop ? await store.listBallots(db, workshop.id) : [];
	const groupNames: string[] = workshop ? JSON.parse(workshop.stakeholder_groups) : [];
	return {
		catalogue,
		workshop: workshop ? { ...workshopSummary(workshop), code: workshop.code } : null,
		workshops: (await store.listWorkshops(db, assessment.id)).map(workshopSummary),
		/** Participants per group; a group below k (or one the total would reveal) has count null. */
		participants: {
			total: ballots.length,
			paper: ballots.filter((b) => b.paper === 1).length,
			byGroup: participantsByGroup(groupNames, ballots, workshop?.k ?? 5)
		},
		openDisagreements: admin.openDisagreements,
		areas: admin.areas.map((score) => {
			const area = catalogue.areas.find((a) => a.number === score.area)!;
			return {
				area: score.area,
				name: area.name,
				description: area.description,
				answered: score.answered,
				total: score.total,
				unknownAnswers: score.unknown,
				notApplicable: score.notApplicable,
				coverage: score.coverage,
				close: score.close,
				adminScore: score.score === null ? null : formatScore(score.score),
				adminLevel: score.level,
				recommendation: score.level === null ? null : recommendation(catalogue, score.area, score.level),
				advice: admin.advice.find((a) => a.area === score.area)!,
				...side.get(score.area)!
			};
		})
	};
}

export type GapReport = Awaited<ReturnType<typeof gapReport>>;
