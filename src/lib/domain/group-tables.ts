/*
 * Named tables of the group phase ("Tisch 1 – Rathausfoyer"): each works on one area; several may
 * work on the same one. Rules for a whole list as the facilitator saves it. Pure, no I/O.
 */

export const TABLES_MAX = 20;
export const TABLE_NAME_MAX = 60;

/** A table as the facilitator's form sends it; `id` null for a new one. */
export interface TableDraft {
	id: number | null;
	name: string;
	area: number;
}

/** Problems of one row, keyed by its index in the submitted list, and of the list as a whole. */
export interface TableProblems {
	rows: Record<number, 'duplicateTable' | 'unknownArea'>;
	list: 'tooManyTables' | null;
}

const key = (name: string) => name.trim().toLocaleLowerCase('de');

/**
 * What is wrong with a list of tables (names already trimmed and checked one by one): more than
 * TABLES_MAX tables, an area the workshop does not rate, or a name used twice (ignoring case and
 * surrounding spaces; the second use is marked). Null when the list can be saved.
 */
export function tableProblems(tables: readonly TableDraft[], workshopAreas: readonly number[]): TableProblems | null {
	const rows: TableProblems['rows'] = {};
	const seen = new Set<string>();
	tables.forEach((table, i) => {
		if (!workshopAreas.includes(table.area)) rows[i] = 'unknownArea';
		else if (seen.has(key(table.name))) rows[i] = 'duplicateTable';
		seen.add(key(table.name));
	});
	const list = tables.length > TABLES_MAX ? 'tooManyTables' : null;
	return Object.keys(rows).length === 0 && list === null ? null : { rows, list };
}

