import { groupFigures, roomFigures, suppressCounts, type RatedLevel } from '$lib/domain/stakeholders';
import type { Db } from '../db';
import type { Assessment, WorkshopRow } from '../db/schema';
import * as store from '../db/workshops';
import { Refusal } from '../http/refusal';

/** Neither a rehearsal nor archived: a workshop that may stand for the room's view by default. */
export const countsByDefault = (w: WorkshopRow) => w.rehearsal === 0 && w.archived_at === null;

/**
 * The workshop whose ratings stand beside the administration's view: the one asked for (it must
 * belong to the assessment) or else the latest non-rehearsal, non-archived one by its date (then
 * by creation); undefined when there is none. A rehearsal never replaces the real workshop.
 */
export async function pickWorkshop(db: Db, assessment: Assessment, requested: string | null): Promise<WorkshopRow | undefined> {
	const workshops = await store.listWorkshops(db, assessment.id);
	if (requested === null) return workshops.find(countsByDefault);
	const found = workshops.find((w) => String(w.id) === requested);
	if (!found) throw new Refusal('notFound', 404);
	return found;
}

/** The workshop as the results JSON and every results page name it. */
export function workshopSummary(w: WorkshopRow) {
	return {
		id: w.id,
		title: w.title,
		heldOn: w.held_on,
		status: w.status,
		k: w.k,
		rehearsal: w.rehearsal === 1,
		archived: w.archived_at !== null
	};
}

/**
 * Per area, the stakeholders' figures against the administration's level (see `roomFigures`:
 * nothing below k level ratings). Groups below k level ratings (and any group whose figures could
 * be derived by subtraction) appear only as suppressed.
 */
export async function stakeholderSide(db: Db, workshop: WorkshopRow | undefined, adminLevels: Map<number, number | null>) {
	const ratings = workshop ? await store.listRatings(db, workshop.id) : [];
	const groupNames: string[] = workshop ? JSON.parse(workshop.stakeholder_groups) : [];
	const k = workshop?.k ?? 5;
	return new Map(
		[...adminLevels.keys()].map((area) => {
			const inArea = ratings.filter((r) => r.area === area);
			const adminLevel = adminLevels.get(area) ?? null;
			const room = roomFigures(inArea.map((r) => r.level as RatedLevel), adminLevel, k);
			const groups = groupFigures(
				groupNames.map((group) => ({ group, levels: inArea.filter((r) => r.group === group).map((r) => r.level as RatedLevel) })),
				k,
				inArea.filter((r) => r.level !== null && (r.group === null || !groupNames.includes(r.group))).length,
				adminLevel
			);
			return [
				area,
				{
					ratings: room.ratings,
					unknown: room.unknown,
					distribution: room.distribution,
					tooFewRatings: room.tooFewRatings,
					stakeholderMedian: room.median,
					stakeholderMean: room.mean,
					gap: room.gap,
					comparison: room.comparison,
					shareWorse: room.shareWorse,
					shareSame: room.shareSame,
					shareBetter: room.shareBetter,
					polarised: room.polarised,
					divergence: room.divergence,
					groups: groups.map((g) => {
						if (g.suppressed) return { group: g.group, suppressed: true as const };
						return {
							group: g.group,
							suppressed: false as const,
							ratings: g.ratings,
							unknown: g.unknown,
							distribution: g.distribution,
							stakeholderMedian: g.median,
							gap: g.gap,
							shareWorse: g.shareWorse,
							shareSame: g.shareSame,
							shareBetter: g.shareBetter,
							polarised: g.polarised,
							divergence: g.divergence
						};
					})
				}
			] as const;
		})
	);
}

/**
 * Participants per stakeholder group and without one, with the same rules as the figures: a row
 * below k is only "weniger als k" (count null), and so is the smallest shown row when the total
 * would reveal a hidden one. The row without a group is shown like a group, so it is one here too.
 */
export function participantsByGroup(groupNames: readonly string[], ballots: readonly { group: string | null }[], k: number) {
	const NO_GROUP = '\u0000none';
	const keyOf = (group: string | null) => (group !== null && groupNames.includes(group) ? group : NO_GROUP);
	const counts = [...groupNames, NO_GROUP].map((group) => ({ group, count: ballots.filter((b) => keyOf(b.group) === group).length }));
	const { shown } = suppressCounts(counts, k, 0);
	// A row of 0 reveals nobody: it is shown as 0.
	return counts.map(({ group, count }) => ({ group: group === NO_GROUP ? null : group, count: shown.includes(group) || count === 0 ? count : null }));
}
