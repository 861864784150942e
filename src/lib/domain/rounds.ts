import type { Catalogue } from '../schemas/catalogue';
import { comparablePairs, type ResolvedMap } from './question-map';

/** An assessment as far as the order of rounds needs it. */
export interface RoundLink {
	id: number;
	previousId: number | null;
}

/**
 * The chain of rounds that ends in `lastId`, oldest first, following each round's previous one
 * among `rounds` (one municipality's assessments). A link to an unknown round ends the chain, and
 * a loop (which the app never writes) is cut where it closes instead of running forever.
 */
export function chainOf<T extends RoundLink>(rounds: readonly T[], lastId: number): T[] {
	const byId = new Map(rounds.map((r) => [r.id, r]));
	const chain: T[] = [];
	const seen = new Set<number>();
	let current = byId.get(lastId);
	while (current && !seen.has(current.id)) {
		seen.add(current.id);
		chain.unshift(current);
		current = current.previousId === null ? undefined : byId.get(current.previousId);
	}
	return chain;
}

/** How a question's agreed answer moved from one round to the next. */
/** "open": neither round has an agreed answer — nothing to compare, and no change either. */
export type ChangeStatus = 'better' | 'worse' | 'same' | 'notComparable' | 'open' | 'new' | 'dropped';

export interface QuestionChange {
	status: ChangeStatus;
	/** The question in the older round (absent for a new question). */
	from?: string;
	/** The question in the newer round (absent for a dropped one). */
	to?: string;
	/** same / reworded for compared questions; split for a new question that is part of an old one. */
	kind?: 'same' | 'reworded' | 'split';
	oldValue: string | null;
	newValue: string | null;
	/** The area of the newer question (of the older one for a dropped question). */
	area: number;
}

/** A value's share of the scale's best points (0–1); null for no answer, "weiß nicht" and "trifft nicht zu". */
function pointShare(catalogue: Catalogue, value: string | null): number | null {
	if (value === null) return null;
	const step = catalogue.scale.find((s) => s.value === value);
	if (!step || step.points === null) return null;
	const best = Math.max(...catalogue.scale.map((s) => s.points ?? 0));
	return best === 0 ? null : step.points / best;
}

/**
 * Better, worse or the same: compared by points as a share of each catalogue's best step, so two
 * editions with different scales still compare. Where either side has no points ("weiß nicht",
 * "trifft nicht zu", no agreed answer) the answer is "same" only when nothing changed, and "open"
 * when neither round has an agreed answer.
 */
export function compareAnswers(older: Catalogue, oldValue: string | null, newer: Catalogue, newValue: string | null): ChangeStatus {
	const before = pointShare(older, oldValue);
	const after = pointShare(newer, newValue);
	if (oldValue === null && newValue === null) return 'open';
	if (before === null || after === null) return oldValue === newValue ? 'same' : 'notComparable';
	if (after > before) return 'better';
	if (after < before) return 'worse';
	return 'same';
}

/**
 * Per question what changed between two rounds, in the newer catalogue's order, dropped questions
 * last: compared questions (same / reworded) get better / worse / same; a question that is new, or
 * a part of a split one, is "new" (with the old answer as context for a split); an old question
 * without a successor is "dropped".
 */
export function questionChanges(
	older: Catalogue,
	newer: Catalogue,
	map: ResolvedMap,
	oldAgreed: ReadonlyMap<string, string>,
	newAgreed: ReadonlyMap<string, string>
): QuestionChange[] {
	const pairsByNew = new Map(comparablePairs(map).map((p) => [p.to, p]));
	const splitFrom = new Map<string, string>();
	for (const [from, successor] of map) if (successor.kind === 'split') for (const to of successor.to) splitFrom.set(to, from);
	const areaOf = (catalogue: Catalogue, id: string) => catalogue.areas.find((a) => a.questions.some((q) => q.id === id))!.number;

	const changes: QuestionChange[] = [];
	for (const area of [...newer.areas].sort((a, b) => a.number - b.number)) {
		for (const question of area.questions) {
			const newValue = newAgreed.get(question.id) ?? null;
			const pair = pairsByNew.get(question.id);
			if (pair) {
				const oldValue = oldAgreed.get(pair.from) ?? null;
				const status = compareAnswers(older, oldValue, newer, newValue);
				changes.push({ status, from: pair.from, to: question.id, kind: pair.kind, oldValue, newValue, area: area.number });
				continue;
			}
			const from = splitFrom.get(question.id);
			changes.push({
				status: 'new',
				to: question.id,
				...(from ? { from, kind: 'split' as const } : {}),
				oldValue: from ? (oldAgreed.get(from) ?? null) : null,
				newValue,
				area: area.number
			});
		}
	}
	for (const [from, successor] of map) {
		if (successor.kind !== 'dropped') continue;
		changes.push({ status: 'dropped', from, oldValue: oldAgreed.get(from) ?? null, newValue: null, area: areaOf(older, from) });
	}
	return changes;
}

/** The changes a reader filters for with "nur Änderungen": everything but "same" and "open". */
export function onlyChanges<T extends QuestionChange>(changes: readonly T[]): T[] {
	return changes.filter((c) => c.status !== 'same' && c.status !== 'open');
}

/** How many questions moved each way, for the summary line above the list. */
export function changeCounts(changes: readonly QuestionChange[]): Record<ChangeStatus, number> {
	const counts: Record<ChangeStatus, number> = { better: 0, worse: 0, same: 0, notComparable: 0, open: 0, new: 0, dropped: 0 };
	for (const c of changes) counts[c.status] += 1;
	return counts;
}
