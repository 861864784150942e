/*
 * Which questions of an area the plenary looks at: where the administration's editors disagreed
 * most, and which the small groups marked "sehe ich anders" most. Pure rules, no I/O.
 */

/** Questions per area and list on a slide. */
export const ITEMS_PER_AREA = 5;

/**
 * A question's "sehe ich anders" count reaches the projector only from this many devices on. One
 * or two marks at a table of four point at a person the others can name; from three on the count
 * is a finding of the group. Reasons never reach the projector at any count.
 */
export const FLAG_MIN_DEVICES = 3;

/** One step of the answer scale: its stored value and its points (null: weiß nicht, trifft nicht zu). */
export interface ScaleStepPoints {
	value: string;
	points: number | null;
}

/** How far the editors' answers to one question lay apart before an answer was agreed. */
export interface EditorSpread {
	questionId: string;
	/** Editors who gave a value on the scale. */
	answered: number;
	/** How many different scale steps they chose (weiß nicht and trifft nicht zu count as steps). */
	distinct: number;
	/** Highest minus lowest points among their scored answers (0–3 on the shipped scale); 0 with fewer than two scored answers. */
	pointSpread: number;
	/** Lowest and highest points given; null when nobody gave a scored answer. */
	minPoints: number | null;
	maxPoints: number | null;
}

/**
 * The spread of one question's editor answers. Answers without a value (a comment only) and values
 * outside the scale are left out; null when fewer than two distinct steps remain, because then the
 * editors did not disagree.
 */
export function editorSpread(questionId: string, values: readonly (string | null)[], scale: readonly ScaleStepPoints[]): EditorSpread | null {
	const points = new Map(scale.map((step) => [step.value, step.points]));
	const given = values.filter((v): v is string => v !== null && points.has(v));
	const distinct = new Set(given).size;
	if (distinct < 2) return null;
	const scored = given.map((v) => points.get(v)).filter((p): p is number => typeof p === 'number');
	const minPoints = scored.length > 0 ? Math.min(...scored) : null;
	const maxPoints = scored.length > 0 ? Math.max(...scored) : null;
	return { questionId, answered: given.length, distinct, pointSpread: minPoints === null || maxPoints === null ? 0 : maxPoints - minPoints, minPoints, maxPoints };
}

/**
 * The questions where the editors disagreed most, at most `limit`: the widest point spread first,
 * then more distinct answers, then more editors, then the catalogue's order. Questions on which the
 * editors agreed (or that one editor answered) never appear.
 */
export function rankDisagreements(
	questions: readonly { id: string; values: readonly (string | null)[] }[],
	scale: readonly ScaleStepPoints[],
	limit = ITEMS_PER_AREA
): EditorSpread[] {
	const order = new Map(questions.map((q, i) => [q.id, i]));
	return questions
		.map((q) => editorSpread(q.id, q.values, scale))
		.filter((s): s is EditorSpread => s !== null)
		.sort((a, b) => b.pointSpread - a.pointSpread || b.distinct - a.distinct || b.answered - a.answered || order.get(a.questionId)! - order.get(b.questionId)!)
		.slice(0, limit);
}

/**
 * The questions the groups marked "sehe ich anders" most, at most `limit`: only counts of at least
 * `minDevices` devices, most marked first, ties in the catalogue's order (`order`: question ids in
 * catalogue order; ids not in it are dropped, so a question of another area never slips in).
 */
export function rankFlags(
	counts: readonly { questionId: string; devices: number }[],
	order: readonly string[],
	limit = ITEMS_PER_AREA,
	minDevices = FLAG_MIN_DEVICES
): { questionId: string; devices: number }[] {
	const position = new Map(order.map((id, i) => [id, i]));
	return counts
		.filter((c) => position.has(c.questionId) && c.devices >= minDevices)
		.sort((a, b) => b.devices - a.devices || position.get(a.questionId)! - position.get(b.questionId)!)
		.slice(0, limit)
		.map((c) => ({ questionId: c.questionId, devices: c.devices }));
}
