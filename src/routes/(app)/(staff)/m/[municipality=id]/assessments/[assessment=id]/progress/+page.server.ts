import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { changeCounts, onlyChanges } from '$lib/domain/rounds';
import { changesBetween, progressOf } from '$lib/server/rounds/progress';
import { findRound } from '$lib/server/rounds/rounds';
import { catalogueOf } from '$lib/server/catalogues/versions';
import type { PageServerLoad } from './$types';

/**
 * Progress across rounds: every round of the chain that ends here, and per question what changed
 * between two of them (`?from=ID&to=ID`, default the previous round and this one; `?only=1`: only
 * changes). Round ids outside the chain fall back to the default, so a hand-edited link never fails.
 */
export const load = (async ({ locals, params, url }) => {
	const { assessment } = await requireAssessment(getApp().db, locals, params.assessment);
	const { db } = getApp();
	const rounds = await progressOf(db, assessment);
	const catalogue = await catalogueOf(db, assessment);
	const areaNames = catalogue.areas.map((a) => ({ number: a.number, name: a.name }));
	if (rounds.length < 2) return { rounds, areaNames, comparison: null };

	const ids = rounds.map((r) => r.id);
	const pick = (key: string, fallback: number) => {
		const value = Number(url.searchParams.get(key));
		return ids.includes(value) ? value : fallback;
	};
	let fromId = pick('from', ids[ids.length - 2]!);
	let toId = pick('to', ids[ids.length - 1]!);
	// The older round first, whichever way round they were picked.
	if (ids.indexOf(fromId) > ids.indexOf(toId)) [fromId, toId] = [toId, fromId];
	const only = url.searchParams.get('only') === '1';
	const sameRound = fromId === toId;
	const [from, to] = await Promise.all([
		findRound(db, assessment.municipality_id, fromId),
		findRound(db, assessment.municipality_id, toId)
	]);
	const all = sameRound ? [] : await changesBetween(db, from!, to!);
	return {
		rounds,
		areaNames,
		comparison: { fromId, toId, only, sameRound, counts: changeCounts(all), changes: only ? onlyChanges(all) : all }
	};
}) satisfies PageServerLoad;
