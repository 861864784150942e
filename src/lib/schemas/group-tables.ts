import { z } from 'zod';
import { TABLE_NAME_MAX, TABLES_MAX } from '$lib/domain/group-tables';
import { hasControlChars } from './fields';

/*
 * The facilitator's tables form: per row `id-i` (empty for a new table), `name-i`, `area-i` and
 * `remove-i`, plus `mode` ("areas" | "tables"). Messages are keys of the `errors` messages.
 */

/** Rows the form may send: the maximum of tables plus the empty rows the page offers. */
export const TABLE_ROWS_MAX = TABLES_MAX + 3;

const tableRow = z.object({
	id: z.union([z.coerce.number().int().positive().max(2 ** 31), z.null()]),
	name: z
		.string()
		.trim()
		.min(1, { error: 'required' })
		.max(TABLE_NAME_MAX, { error: 'tableNameTooLong' })
		.refine((v) => !hasControlChars(v), { error: 'controlChars' }),
	area: z.coerce.number({ error: 'unknownArea' }).int({ error: 'unknownArea' }).min(1, { error: 'unknownArea' }).max(7, { error: 'unknownArea' })
});

export type TableRowValues = { id: string; name: string; area: string; remove: boolean };

/** The rows as typed (for showing them again) from a submitted form; empty new rows are skipped. */
export function tableRowsOf(form: FormData): TableRowValues[] {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.slice(0, 1000) : '';
	};
	const rows: TableRowValues[] = [];
	for (let i = 0; i < TABLE_ROWS_MAX; i++) {
		const row = { id: text(`id-${i}`), name: text(`name-${i}`), area: text(`area-${i}`), remove: form.get(`remove-${i}`) === 'on' };
		if (row.id === '' && row.name.trim() === '') continue;
		rows.push(row);
	}
	return rows;
}

/**
 * The tables to keep (removed rows left out) and the problems of single rows, keyed by their
 * index in `rows`. An existing row with an emptied name is an error, not a removal: removing is
 * the checkbox.
 */
export function parseTableRows(rows: readonly TableRowValues[]) {
	const tables: { id: number | null; name: string; area: number }[] = [];
	const rowOf: number[] = [];
	const errors: Record<number, string> = {};
	rows.forEach((row, i) => {
		if (row.remove) return;
		const parsed = tableRow.safeParse({ id: row.id === '' ? null : row.id, name: row.name, area: row.area });
		if (!parsed.success) {
			errors[i] = parsed.error.issues[0]?.message ?? 'invalid';
			return;
		}
		tables.push(parsed.data);
		rowOf.push(i);
	});
	return { tables, rowOf, errors };
}
