import { json } from '@sveltejs/kit';
import { formatScore } from '$lib/domain/scoring';
import { apiAssessment, refusalResponse } from '$lib/server/http/api';
import { getApp } from '$lib/server/platform/app';
import { adminResult } from '$lib/server/results/results';
import { previousBlock } from '$lib/server/rounds/progress';
import { pickWorkshop, stakeholderSide, workshopSummary } from '$lib/server/results/stakeholder-results';
import type { RequestHandler } from './$types';

/**
 * Both views per area in official order. Administration: `answered` counts agreed answers that
 * score, `coverage` their share of the applicable questions, `adminScore` rounded to one decimal,
 * null when not assessable. Stakeholders (from `?workshop=ID`, default the latest workshop that is
 * neither a rehearsal nor archived): distribution, median (a half between two levels), gap,
 * shares, polarisation and divergence — null / "none" below k level ratings (`tooFewRatings`) —
 * and per stakeholder group the same figures, or only `suppressed` below k level ratings.
 * `previous`: the round this one follows, `{ assessmentId, name, score, level, coverage }` for the
 * area, or null for a first round.
 */
export const GET = (async ({ locals, params, url }) => {
	const access = await apiAssessment(getApp().db, locals, params.id);
	if (access instanceof Response) return access;
	const { db } = getApp();
	let workshop;
	try {
		workshop = await pickWorkshop(db, access.assessment, url.searchParams.get('workshop'));
	} catch (err) {
		return refusalResponse(err);
	}
	const result = await adminResult(db, access.assessment);
	const stakeholders = await stakeholderSide(db, workshop, new Map(result.areas.map((a) => [a.area, a.level])));
	const previous = await previousBlock(db, access.assessment);
	return json({
		assessment: { id: access.assessment.id, name: access.assessment.name, status: access.assessment.status },
		workshop: workshop ? workshopSummary(workshop) : null,
		areas: result.areas.map((score) => {
			const side = stakeholders.get(score.area)!;
			return {
				area: score.area,
				name: result.catalogue.areas.find((a) => a.number === score.area)!.name.de,
				answered: score.answered,
				total: score.total,
				unknownAnswers: score.unknown,
				notApplicable: score.notApplicable,
				coverage: Math.round(score.coverage * 10_000) / 10_000,
				adminScore: score.score === null ? null : formatScore(score.score),
				adminLevel: score.level,
				close: score.close,
				ratings: side.ratings,
				unknown: side.unknown,
				distribution: side.distribution,
				tooFewRatings: side.tooFewRatings,
				stakeholderMedian: side.stakeholderMedian,
				gap: side.gap,
				shareWorse: side.shareWorse,
				shareSame: side.shareSame,
				shareBetter: side.shareBetter,
				polarised: side.polarised,
				divergence: side.divergence,
				groups: side.groups,
				previous: previous.get(score.area) ?? null
			};
		})
	});
}) satisfies RequestHandler;

