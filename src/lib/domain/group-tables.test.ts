import { describe, expect, it } from 'vitest';
import { TABLES_MAX, tableProblems } from './group-tables';

describe('named tables', () => {
	it('accepts several tables on the same area', () => {
		expect.hasAssertions();
		expect(tableProblems([{ id: null, name: 'Tisch 1 – Rathausfoyer', area: 1 }, { id: 4, name: 'Tisch 2', area: 1 }, { id: null, name: 'Tisch 3', area: 7 }], [1, 7])).toBeNull();
		expect(tableProblems([], [1])).toBeNull();
	});

	it('marks the second use of a name, ignoring case and spaces', () => {
		expect.hasAssertions();
		expect(tableProblems([{ id: 1, name: 'Foyer', area: 1 }, { id: null, name: ' foyer ', area: 7 }], [1, 7])).toEqual({ rows: { 1: 'duplicateTable' }, list: null });
	});

	it('refuses areas the workshop does not rate and more than the maximum of tables', () => {
		expect.hasAssertions();
		expect(tableProblems([{ id: null, name: 'A', area: 3 }], [1, 7])?.rows).toEqual({ 0: 'unknownArea' });
		const many = Array.from({ length: TABLES_MAX + 1 }, (_, i) => ({ id: null, name: `Tisch ${i + 1}`, area: 1 }));
		expect(tableProblems(many, [1])).toEqual({ rows: {}, list: 'tooManyTables' });
		expect(tableProblems(many.slice(0, TABLES_MAX), [1])).toBeNull();
	});
});
