import type { Catalogue } from '$lib/schemas/catalogue';
import { formatScore } from '$lib/domain/scoring';
import { questionChanges, type QuestionChange } from '$lib/domain/rounds';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import type { Assessment } from '../db/schema';
import { adminResult } from '../results/results';
import { agreedOf, mapBetween, roundsUpTo } from './rounds';
import { pickWorkshop, stakeholderSide, workshopSummary } from '../results/stakeholder-results';

/** One area of one round: the administration's figures and the default workshop's median. */
export interface RoundArea {
	area: number;
	/** Rounded to one decimal; null when "nicht bewertbar". */
	score: number | null;
	level: number | null;
	coverage: number;
	close: boolean;
	assessable: boolean;
	/** The room's median (may be a half); null without a workshop or below k level ratings. */
	median: number | null;
	tooFewRatings: boolean;
	ratings: number;
}

export interface RoundFigures {
	id: number;
	name: string;
	status: 'open' | 'closed';
	closedAt: string | null;
	catalogueVersion: string;
	workshop: ReturnType<typeof workshopSummary> | null;
	areas: RoundArea[];
}

/** One round's figures per area, with its default workshop (neither rehearsal nor archived). */
export async function roundFigures(db: Db, round: Assessment): Promise<RoundFigures> {
	const result = await adminResult(db, round);
	const workshop = await pickWorkshop(db, round, null);
	const side = await stakeholderSide(db, workshop, new Map(result.areas.map((a) => [a.area, a.level])));
	return {
		id: round.id,
		name: round.name,
		status: round.status,
		closedAt: round.closed_at,
		catalogueVersion: result.catalogue.version,
		workshop: workshop ? workshopSummary(workshop) : null,
		areas: result.areas.map((a) => {
			const room = side.get(a.area)!;
			return {
				area: a.area,
				score: a.score === null ? null : formatScore(a.score),
				level: a.level,
				coverage: Math.round(a.coverage * 10_000) / 10_000,
				close: a.close,
				assessable: a.assessable,
				median: room.stakeholderMedian,
				tooFewRatings: room.tooFewRatings,
				ratings: room.ratings
			};
		})
	};
}

/** Every round in the chain that ends with `assessment`, oldest first, with their figures. */
export async function progressOf(db: Db, assessment: Assessment): Promise<RoundFigures[]> {
	const chain = await roundsUpTo(db, assessment);
	const figures: RoundFigures[] = [];
	for (const round of chain) figures.push(await roundFigures(db, round));
	return figures;
}

/**
 * The results JSON's `previous` block: per area (by number) the last round's figures, or null for
 * every area when this round follows none.
 */
export async function previousBlock(db: Db, assessment: Assessment) {
	const previous =
		assessment.previous_assessment_id === null
			? undefined
			: await assessments.findAssessment(db, assessment.municipality_id, assessment.previous_assessment_id);
	if (!previous) return new Map<number, null>();
	const result = await adminResult(db, previous);
	return new Map(
		result.areas.map((a) => [
			a.area,
			{
				assessmentId: previous.id,
				name: previous.name,
				score: a.score === null ? null : formatScore(a.score),
				level: a.level,
				coverage: Math.round(a.coverage * 10_000) / 10_000
			}
		])
	);
}

/** A question change with the texts a reader needs. */
export interface ChangeView extends QuestionChange {
	text: Catalogue['title'];
	oldLabel: Catalogue['title'] | null;
	newLabel: Catalogue['title'] | null;
}

/** Per question what changed from the `older` round to the `newer` one (see `questionChanges`). */
export async function changesBetween(db: Db, older: Assessment, newer: Assessment): Promise<ChangeView[]> {
	const { older: from, newer: to, map } = await mapBetween(db, older, newer);
	const [oldAgreed, newAgreed] = await Promise.all([agreedOf(db, older), agreedOf(db, newer)]);
	const textOf = (catalogue: Catalogue, id: string) =>
		catalogue.areas.flatMap((a) => a.questions).find((q) => q.id === id)!.text;
	const labelOf = (catalogue: Catalogue, value: string | null) =>
		value === null ? null : (catalogue.scale.find((s) => s.value === value)?.label ?? null);
	return questionChanges(from, to, map, oldAgreed, newAgreed).map((change) => ({
		...change,
		text: change.to ? textOf(to, change.to) : textOf(from, change.from!),
		oldLabel: labelOf(from, change.oldValue),
		newLabel: labelOf(to, change.newValue)
	}));
}
