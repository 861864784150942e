import { describe, expect, it } from 'vitest';
import { parseTableRows, tableRowsOf } from './group-tables';

function form(fields: Record<string, string>) {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
}

describe('the tables form', () => {
	it('skips empty new rows, keeps removed ones out and trims names', () => {
		expect.hasAssertions();
		const rows = tableRowsOf(form({ 'id-0': '4', 'name-0': ' Foyer ', 'area-0': '1', 'id-1': '5', 'name-1': 'Alt', 'area-1': '7', 'remove-1': 'on', 'id-2': '', 'name-2': '', 'area-2': '1', 'name-3': 'Neu', 'area-3': '7' }));
		expect(rows).toHaveLength(3);
		expect(parseTableRows(rows)).toEqual({ tables: [{ id: 4, name: 'Foyer', area: 1 }, { id: null, name: 'Neu', area: 7 }], rowOf: [0, 2], errors: {} });
	});

	it('refuses an emptied name, a name over 60 characters and control characters, row by row', () => {
		expect.hasAssertions();
		const rows = tableRowsOf(form({ 'id-0': '4', 'name-0': '  ', 'area-0': '1', 'name-1': 'x'.repeat(61), 'area-1': '1', 'name-2': 'Tisch\u00071', 'area-2': '1', 'name-3': 'Gut', 'area-3': 'acht' }));
		expect(parseTableRows(rows).errors).toEqual({ 0: 'required', 1: 'tableNameTooLong', 2: 'controlChars', 3: 'unknownArea' });
	});
});
