/** Levels a participant can give; null stands for "kann ich nicht beurteilen". */
export type RatingLevel = 1 | 2 | 3 | 4 | null;

export type RatingRefusal = 'workshopEnded' | 'unknownArea' | 'areaClosed' | 'invalidLevel';

export interface WorkshopFacts {
	status: 'open' | 'ended';
	/** The areas this workshop rates. */
	areas: readonly number[];
	/** The areas currently open for rating. */
	openAreas: readonly number[];
}

/**
 * Whether a rating may be stored. Paper ballots entered by the facilitator may go to closed areas
 * (the paper was filled in while they were open) but never to an ended workshop.
 */
export function refuseRating(workshop: WorkshopFacts, area: number, level: unknown, paper = false): RatingRefusal | null {
	if (workshop.status === 'ended') return 'workshopEnded';
	if (!workshop.areas.includes(area)) return 'unknownArea';
	if (!(level === null || level === 1 || level === 2 || level === 3 || level === 4)) return 'invalidLevel';
	if (!paper && !workshop.openAreas.includes(area)) return 'areaClosed';
	return null;
}
