import { describe, expect, it } from 'vitest';
import { applyOverviewQuery, latest, stageCounts, stageOf, type OverviewEntry, type RoundFacts } from './operator-overview';

const round = (facts: Partial<RoundFacts> = {}): RoundFacts => ({
	startedAt: '2026-01-01T00:00:00.000Z',
	closedAt: null,
	questions: 105,
	answered: 0,
	workshopHeldOn: null,
	workshopPlannedOn: null,
	measures: 0,
	...facts
});

function entry(name: string, values: Partial<OverviewEntry> = {}): OverviewEntry {
	const r = values.round === undefined ? round() : values.round;
	return {
		id: name.length,
		name,
		kind: 'kreisfreie_stadt',
		land: 'NW',
		populationBand: '100k_500k',
		ags: null,
		createdAt: '2026-01-01T00:00:00.000Z',
		deactivatedAt: null,
		rounds: r ? 1 : 0,
		round: r,
		lastActivity: '2026-01-01T00:00:00.000Z',
		stage: stageOf(r),
		...values
	};
}

describe('stage of a round', () => {
	it('follows the round: questionnaire, closed, workshop held, measures', () => {
		expect(stageOf(null)).toBe('noRound');
		expect(stageOf(round({ answered: 50 }))).toBe('questionnaire');
		expect(stageOf(round({ closedAt: '2026-02-01T00:00:00.000Z' }))).toBe('questionnaireClosed');
		expect(stageOf(round({ closedAt: '2026-02-01T00:00:00.000Z', workshopHeldOn: '2026-03-01' }))).toBe('workshopHeld');
		// Measures may be written before the questionnaire is formally closed: they still count.
		expect(stageOf(round({ measures: 2 }))).toBe('measures');
	});

	it('takes the latest of several times and skips missing ones', () => {
		expect(latest('2026-01-01', null, '2026-03-01T10:00:00.000Z', undefined, '2026-02-01')).toBe('2026-03-01T10:00:00.000Z');
		expect(latest(null)).toBe('');
	});
});

describe('overview filters and order', () => {
	const entries = [
		entry('Zell am See', { land: 'BY', round: round({ measures: 1 }), lastActivity: '2026-05-01T00:00:00.000Z' }),
		entry('Aachen', { land: 'NW', round: null, lastActivity: '2026-01-01T00:00:00.000Z' }),
		entry('Ärzteort', { land: 'BY', lastActivity: '2026-06-01T00:00:00.000Z' }),
		entry('Bremerhaven', { land: 'HB', deactivatedAt: '2026-04-01T00:00:00.000Z' })
	];
	const names = (list: OverviewEntry[]) => list.map((e) => e.name);

	it('sorts by name the German way and hides deactivated ones by default', () => {
		expect(names(applyOverviewQuery(entries, {}))).toEqual(['Aachen', 'Ärzteort', 'Zell am See']);
		expect(names(applyOverviewQuery(entries, { status: 'deactivated' }))).toEqual(['Bremerhaven']);
		expect(applyOverviewQuery(entries, { status: 'all' })).toHaveLength(4);
	});

	it('filters by part of the name, Land, kind and stage', () => {
		expect(names(applyOverviewQuery(entries, { q: ' ZELL ' }))).toEqual(['Zell am See']);
		expect(names(applyOverviewQuery(entries, { land: 'BY' }))).toEqual(['Ärzteort', 'Zell am See']);
		expect(names(applyOverviewQuery(entries, { stage: 'noRound' }))).toEqual(['Aachen']);
		expect(applyOverviewQuery(entries, { kind: 'landkreis' })).toEqual([]);
	});

	it('sorts by Land, by stage (round order) and by last activity (newest first)', () => {
		expect(names(applyOverviewQuery(entries, { sort: 'land' }))).toEqual(['Ärzteort', 'Zell am See', 'Aachen']);
		expect(names(applyOverviewQuery(entries, { sort: 'stage' }))).toEqual(['Aachen', 'Ärzteort', 'Zell am See']);
		expect(names(applyOverviewQuery(entries, { sort: 'lastActivity' }))).toEqual(['Ärzteort', 'Zell am See', 'Aachen']);
	});

	it('counts the entries per stage', () => {
		expect(stageCounts(entries)).toEqual({ noRound: 1, questionnaire: 2, questionnaireClosed: 0, workshopHeld: 0, measures: 1 });
	});
});
