import { divergence, figures, gap, groupFigures, type RatedLevel } from '$lib/domain/stakeholders';
import type { Db } from './db';
import type { Assessment, WorkshopRow } from './db/schema';
import * as store from './db/workshops';
import { Refusal } from './refusal';

/**
 * The workshop whose ratings stand beside the administration's view: the one asked for (it must
 * belong to the assessment) or the assessment's latest; undefined when it has none.
 */
export async function pickWorkshop(db: Db, assessment: Assessment, requested: string | null): Promise<WorkshopRow | undefined> {
	const workshops = await store.listWorkshops(db, assessment.id);
	if (requested === null) return workshops[0];
	const found = workshops.find((w) => String(w.id) === requested);
	if (!found) throw new Refusal('notFound', 404);
	return found;
}

/**
 * Per area, the stakeholders' figures and the gap to the administration's level. Groups below the
 * workshop's k (and any group whose figures could be derived by subtraction) appear only as
 * suppressed.
 */
export async function stakeholderSide(db: Db, workshop: WorkshopRow | undefined, adminLevels: Map<number, number | null>) {
	const ratings = workshop ? await store.listRatings(db, workshop.id) : [];
	const groupNames: string[] = workshop ? JSON.parse(workshop.stakeholder_groups) : [];
	return new Map(
		[...adminLevels.keys()].map((area) => {
			const inArea = ratings.filter((r) => r.area === area);
			const overall = figures(inArea.map((r) => r.level as RatedLevel));
			const adminLevel = adminLevels.get(area) ?? null;
			const stakeholderGap = gap(overall.median, adminLevel);
			const groups = groupFigures(
				groupNames.map((group) => ({ group, levels: inArea.filter((r) => r.group === group).map((r) => r.level as RatedLevel) })),
				workshop?.k ?? 5,
				inArea.filter((r) => r.group === null || !groupNames.includes(r.group)).length
			);
			return [
				area,
				{
					ratings: overall.ratings,
					unknown: overall.unknown,
					distribution: overall.distribution,
					stakeholderMedian: overall.median,
					stakeholderMean: overall.mean,
					gap: stakeholderGap,
					divergence: divergence(stakeholderGap),
					groups: groups.map((g) => {
						if (g.suppressed) return { group: g.group, suppressed: true as const };
						const groupGap = gap(g.median, adminLevel);
						return {
							group: g.group,
							suppressed: false as const,
							ratings: g.ratings,
							unknown: g.unknown,
							distribution: g.distribution,
							stakeholderMedian: g.median,
							gap: groupGap,
							divergence: divergence(groupGap)
						};
					})
				}
			] as const;
		})
	);
}
