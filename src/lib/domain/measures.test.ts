import { describe, expect, it } from 'vitest';
import { changedFields, isOverdue, sortMeasures, strongGapCoverage, type MeasureFields } from './measures';

const base: MeasureFields = {
	title: 'Leitbild',
	description: '',
	areas: [1],
	questions: [],
	gapArea: 1,
	owner: 'Integrationsbüro',
	partners: '',
	budgetKind: 'open',
	budgetAmount: null,
	startOn: null,
	dueOn: '2027-03-31',
	priority: 'high',
	status: 'planned'
};

describe('measure rules', () => {
	it('lists each changed field once with old and new value', () => {
		expect.hasAssertions();
		const changes = changedFields(base, { ...base, areas: [1, 7], status: 'in_progress', budgetKind: 'amount', budgetAmount: 5000 });
		expect(changes).toEqual([
			{ field: 'areas', oldValue: '1', newValue: '1, 7' },
			{ field: 'budgetKind', oldValue: 'open', newValue: 'amount' },
			{ field: 'budgetAmount', oldValue: null, newValue: '5000' },
			{ field: 'status', oldValue: 'planned', newValue: 'in_progress' }
		]);
		expect(changedFields(base, { ...base })).toEqual([]);
	});

	it('calls a measure overdue only when its due date passed and it is neither done nor deferred', () => {
		expect.hasAssertions();
		expect(isOverdue({ dueOn: '2026-01-31', status: 'planned' }, '2026-02-01')).toBe(true);
		expect(isOverdue({ dueOn: '2026-02-01', status: 'in_progress' }, '2026-02-01')).toBe(false);
		expect(isOverdue({ dueOn: '2026-01-31', status: 'done' }, '2026-02-01')).toBe(false);
		expect(isOverdue({ dueOn: '2026-01-31', status: 'deferred' }, '2026-02-01')).toBe(false);
		expect(isOverdue({ dueOn: null, status: 'planned' }, '2026-02-01')).toBe(false);
	});

	it('sorts by due date with undated last, by priority high first, by status running first', () => {
		expect.hasAssertions();
		const list = [
			{ title: 'C', dueOn: null, priority: 'low' as const, status: 'done' as const },
			{ title: 'A', dueOn: '2027-01-01', priority: 'medium' as const, status: 'planned' as const },
			{ title: 'B', dueOn: '2026-06-01', priority: 'high' as const, status: 'in_progress' as const }
		];
		expect(sortMeasures(list, 'due').map((m) => m.title)).toEqual(['B', 'A', 'C']);
		expect(sortMeasures(list, 'priority').map((m) => m.title)).toEqual(['B', 'A', 'C']);
		expect(sortMeasures(list, 'status').map((m) => m.title)).toEqual(['B', 'A', 'C']);
	});

	it('counts a strong gap as answered when an active measure names its area', () => {
		expect.hasAssertions();
		const areas = [
			{ area: 1, divergence: 'strong' },
			{ area: 5, divergence: 'notable' },
			{ area: 7, divergence: 'strong' }
		];
		expect(strongGapCoverage(areas, [{ areas: [1], status: 'planned' }, { areas: [7], status: 'deferred' }])).toEqual({ strong: [1, 7], covered: [1], share: 0.5 });
		expect(strongGapCoverage([{ area: 2, divergence: 'none' }], [])).toEqual({ strong: [], covered: [], share: null });
	});
});
