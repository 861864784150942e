import type { Catalogue, CatalogueProblem, MapKind } from '../schemas/catalogue';

/** One entry of a catalogue's `previous.questionMap`: old question id → new ids. */
export interface QuestionMapEntry {
	from: string;
	kind: MapKind;
	to?: string[];
}

/** Where an old question went: its kind and the new question ids (none when dropped). */
export interface Successor {
	kind: MapKind;
	to: string[];
}

/** Old question id → where it went in the newer catalogue, for every old question. */
export type ResolvedMap = Map<string, Successor>;

const questionIds = (catalogue: Catalogue): string[] => catalogue.areas.flatMap((a) => a.questions.map((q) => q.id));

/**
 * The map of one declared step from `older` to `newer` (`newer.previous` names `older`). An old id
 * the map does not name keeps its meaning where the new catalogue still has that id ("same") and
 * is dropped otherwise — so a version edited in the catalogue editor needs no map for kept questions.
 */
export function stepMap(older: Catalogue, newer: Catalogue): ResolvedMap {
	const declared = new Map((newer.previous?.questionMap ?? []).map((e) => [e.from, e]));
	const newIds = new Set(questionIds(newer));
	const map: ResolvedMap = new Map();
	for (const id of questionIds(older)) {
		const entry = declared.get(id);
		if (entry) map.set(id, { kind: entry.kind, to: entry.kind === 'dropped' ? [] : [...(entry.to ?? [])] });
		else map.set(id, newIds.has(id) ? { kind: 'same', to: [id] } : { kind: 'dropped', to: [] });
	}
	return map;
}

/** Every question maps to itself: two rounds on the same catalogue version. */
export function identityMap(catalogue: Catalogue): ResolvedMap {
	return new Map(questionIds(catalogue).map((id) => [id, { kind: 'same' as const, to: [id] }]));
}

/**
 * The map across a chain of editions, oldest first (each one's `previous` names the one before).
 * Kinds combine: no target left → dropped, several → split, one reached only through "same" steps
 * → same, otherwise reworded. A chain of one is the identity map.
 */
export function chainMap(chain: readonly Catalogue[]): ResolvedMap {
	const [first, ...rest] = chain;
	if (!first) return new Map();
	let map = identityMap(first);
	let previous = first;
	for (const next of rest) {
		const step = stepMap(previous, next);
		const combined: ResolvedMap = new Map();
		for (const [id, successor] of map) {
			const parts = successor.to.map((mid) => step.get(mid) ?? { kind: 'dropped' as const, to: [] });
			const to = [...new Set(parts.flatMap((p) => p.to))];
			const allSame = successor.kind === 'same' && parts.every((p) => p.kind === 'same');
			const kind: MapKind = to.length === 0 ? 'dropped' : to.length > 1 || parts.some((p) => p.kind === 'split') || successor.kind === 'split' ? 'split' : allSame ? 'same' : 'reworded';
			combined.set(id, { kind, to });
		}
		map = combined;
		previous = next;
	}
	return map;
}

/**
 * The editions from `older` to `newer`, oldest first, following each version's declared
 * `previous`; null when `newer` does not descend from `older` (it is older, or unrelated).
 * `lookup` finds a stored version by catalogue id and version. The same version gives [it].
 */
export function editionPath(
	older: Catalogue,
	newer: Catalogue,
	lookup: (catalogueId: string, version: string) => Catalogue | undefined
): Catalogue[] | null {
	if (older.id !== newer.id) return null;
	const path: Catalogue[] = [newer];
	const seen = new Set<string>([newer.version]);
	let current = newer;
	while (current.version !== older.version) {
		const link = current.previous;
		if (!link || link.catalogueId !== older.id || seen.has(link.version)) return null;
		const before = link.version === older.version ? older : lookup(link.catalogueId, link.version);
		if (!before) return null;
		seen.add(before.version);
		path.unshift(before);
		current = before;
	}
	return path;
}

/** Last round's agreed answer shown beside a new question: which old question, how it relates. */
export interface Reference {
	/** The old question's id. */
	questionId: string;
	kind: Exclude<MapKind, 'dropped'>;
	/** The old agreed answer's scale value. */
	value: string;
}

/**
 * Last round's agreed answers carried to the new questions as references (never as answers):
 * same/reworded on their one successor, split on each of its new questions. Old questions without a
 * successor are listed as dropped, with their agreed value where they had one.
 */
export function carryReferences(
	map: ResolvedMap,
	oldAgreed: ReadonlyMap<string, string>
): { references: Map<string, Reference[]>; dropped: { questionId: string; value: string | undefined }[] } {
	const references = new Map<string, Reference[]>();
	const dropped: { questionId: string; value: string | undefined }[] = [];
	for (const [questionId, successor] of map) {
		const value = oldAgreed.get(questionId);
		if (successor.kind === 'dropped') {
			dropped.push({ questionId, value });
			continue;
		}
		if (value === undefined) continue;
		for (const to of successor.to) {
			references.set(to, [...(references.get(to) ?? []), { questionId, kind: successor.kind, value }]);
		}
	}
	return { references, dropped };
}

/**
 * Pairs of (old id, new id) whose answers may be compared question by question: "same" and
 * "reworded" only. A split question's parts ask something narrower, so they are not compared.
 */
export function comparablePairs(map: ResolvedMap): { from: string; to: string; kind: 'same' | 'reworded' }[] {
	const pairs: { from: string; to: string; kind: 'same' | 'reworded' }[] = [];
	for (const [from, successor] of map) {
		if ((successor.kind === 'same' || successor.kind === 'reworded') && successor.to.length === 1) {
			pairs.push({ from, to: successor.to[0]!, kind: successor.kind });
		}
	}
	return pairs;
}

/**
 * The problems of a catalogue's `previous` that need the older version itself: it must be stored,
 * and every old id of the map must be a question there. `older` undefined: not stored.
 */
export function previousProblems(catalogue: Catalogue, older: Catalogue | undefined): CatalogueProblem[] {
	const link = catalogue.previous;
	if (!link) return [];
	if (!older) return [{ path: 'previous.version', code: 'previousUnknown', params: { catalogueId: link.catalogueId, version: link.version } }];
	const oldIds = new Set(questionIds(older));
	return link.questionMap.flatMap((entry, i) =>
		oldIds.has(entry.from)
			? []
			: [{ path: `previous.questionMap[${i}].from`, code: 'mapUnknownOld', params: { id: entry.from, version: link.version } }]
	);
}
