import type { Catalogue } from '$lib/schemas/catalogue';
import { formatScore, recommendation } from '$lib/domain/scoring';
import type { Db } from './db';
import type { Assessment } from './db/schema';
import * as store from './db/workshops';
import { adminResult } from './results';
import { pickWorkshop, stakeholderSide } from './stakeholder-results';

/**
 * Everything the gap view, the presenter slides, the report and the exports show: per area in
 * official order both views, the gap and the catalogue's recommendation; the workshop and its
 * participants per group. `workshopParam` picks a workshop of the assessment (default: latest).
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
		workshop: workshop
			? { id: workshop.id, title: workshop.title, heldOn: workshop.held_on, status: workshop.status, k: workshop.k, code: workshop.code }
			: null,
		workshops: (await store.listWorkshops(db, assessment.id)).map((w) => ({ id: w.id, title: w.title, heldOn: w.held_on })),
		/** Participants per group; groups below k are still counted here (a head count reveals no ratings). */
		participants: {
			total: ballots.length,
			paper: ballots.filter((b) => b.paper === 1).length,
			byGroup: [...groupNames, null].map((group) => ({ group, count: ballots.filter((b) => b.group === group).length }))
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
				adminScore: score.score === null ? null : formatScore(score.score),
				adminLevel: score.level,
				recommendation: score.level === null ? null : recommendation(catalogue, score.area, score.level),
				...side.get(score.area)!
			};
		})
	};
}

export type GapReport = Awaited<ReturnType<typeof gapReport>>;
