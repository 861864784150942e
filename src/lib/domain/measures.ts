/*
 * Rules of the Maßnahmenplan: which measures are overdue, what changed between two versions of a
 * measure, how the plan sorts, and how many strong gaps have at least one measure. No I/O.
 */

export type MeasureStatus = 'planned' | 'in_progress' | 'done' | 'deferred';
export type MeasurePriority = 'high' | 'medium' | 'low';

/** The fields of a measure that the history records, as plain values. */
export interface MeasureFields {
	title: string;
	description: string;
	areas: number[];
	questions: string[];
	gapArea: number | null;
	owner: string;
	partners: string;
	budgetKind: 'amount' | 'existing' | 'open';
	budgetAmount: number | null;
	startOn: string | null;
	dueOn: string | null;
	priority: MeasurePriority;
	status: MeasureStatus;
}

export const HISTORY_FIELDS: readonly (keyof MeasureFields)[] = [
	'title',
	'description',
	'areas',
	'questions',
	'gapArea',
	'owner',
	'partners',
	'budgetKind',
	'budgetAmount',
	'startOn',
	'dueOn',
	'priority',
	'status'
];

/** A field's value as the history stores it: text, arrays joined, null for empty. */
export function historyValue(value: MeasureFields[keyof MeasureFields]): string | null {
	if (value === null || value === undefined) return null;
	if (Array.isArray(value)) return value.join(', ');
	return String(value);
}

/** The fields whose value differs, old → new (in the order of HISTORY_FIELDS). */
export function changedFields(before: MeasureFields, after: MeasureFields): { field: keyof MeasureFields; oldValue: string | null; newValue: string | null }[] {
	return HISTORY_FIELDS.flatMap((field) => {
		const oldValue = historyValue(before[field]);
		const newValue = historyValue(after[field]);
		return oldValue === newValue ? [] : [{ field, oldValue, newValue }];
	});
}

/** Overdue: a due date before today and neither done nor deferred. Dates are YYYY-MM-DD. */
export function isOverdue(measure: { dueOn: string | null; status: MeasureStatus }, today: string): boolean {
	return measure.dueOn !== null && measure.dueOn < today && measure.status !== 'done' && measure.status !== 'deferred';
}

const PRIORITY_ORDER: Record<MeasurePriority, number> = { high: 0, medium: 1, low: 2 };
const STATUS_ORDER: Record<MeasureStatus, number> = { in_progress: 0, planned: 1, deferred: 2, done: 3 };

export type MeasureSort = 'due' | 'priority' | 'status';

/** A sorted copy: by due date (none last), priority (high first) or status (running first); then by title. */
export function sortMeasures<T extends { title: string; dueOn: string | null; priority: MeasurePriority; status: MeasureStatus }>(list: readonly T[], by: MeasureSort): T[] {
	const key = (m: T): string | number =>
		by === 'due' ? (m.dueOn ?? '9999-12-31') : by === 'priority' ? PRIORITY_ORDER[m.priority] : STATUS_ORDER[m.status];
	return [...list].sort((a, b) => {
		const ka = key(a);
		const kb = key(b);
		if (ka < kb) return -1;
		if (ka > kb) return 1;
		return a.title.localeCompare(b.title, 'de');
	});
}

/**
 * Of the areas with a strong divergence, those answered by at least one measure (one that names the
 * area, deferred ones do not count). `share` is null when there is no strong gap.
 */
export function strongGapCoverage(
	areas: readonly { area: number; divergence: string }[],
	measures: readonly { areas: readonly number[]; status: MeasureStatus }[]
): { strong: number[]; covered: number[]; share: number | null } {
	const strong = areas.filter((a) => a.divergence === 'strong').map((a) => a.area);
	const active = measures.filter((m) => m.status !== 'deferred');
	const covered = strong.filter((area) => active.some((m) => m.areas.includes(area)));
	return { strong, covered, share: strong.length === 0 ? null : covered.length / strong.length };
}
