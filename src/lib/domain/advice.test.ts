import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '$lib/schemas/catalogue';
import { adviseArea, adviseAssessment } from './advice';
import { recommendation, scoreArea } from './scoring';

const source = readFileSync('db/catalogues/weltoffene-kommune-2026.1.json', 'utf8');
const shipped = (): Catalogue => JSON.parse(source);

/** Area 1 with the given answers by question id and every other question answered `rest`. */
function area1(given: Record<string, string>, rest: string): Map<string, string> {
	const catalogue = shipped();
	return new Map(catalogue.areas[0]!.questions.map((q) => [q.id, given[q.id] ?? rest]));
}

describe('adviseArea', () => {
	it('never suggests setting up a steering group that area 1 has: concept, office and steering group "umgesetzt", the rest 0', () => {
		expect.hasAssertions();
		const catalogue = shipped();
		const agreed = area1({ '1.01': '3', '1.02': '3', '1.06': '3' }, '0');
		// The example from the issue: the level alone would say "eine Steuerungsgruppe einzusetzen".
		expect(scoreArea(catalogue, 1, agreed).level).toBe(3);
		expect(recommendation(catalogue, 1, 3).de).toMatch(/Steuerungsgruppe einzusetzen/);

		const advice = adviseArea(catalogue, 1, agreed);
		expect(advice.weakest.map((q) => q.id)).toEqual(['1.03', '1.04', '1.05']);
		for (const q of advice.weakest) {
			expect(q.points).toBe(0);
			expect(q.suggestion?.de).toBeTruthy();
			expect(q.suggestion?.de).not.toMatch(/Steuerungsgruppe (ein|zu)/);
		}
		expect(advice.weakest.map((q) => q.id)).not.toContain('1.06');
	});

	it('takes the lowest points first and keeps the catalogue order among equals', () => {
		expect.hasAssertions();
		const agreed = area1({ '1.02': '1', '1.05': '2', '1.09': '1', '1.11': '0' }, '3');
		expect(adviseArea(shipped(), 1, agreed).weakest.map((q) => [q.id, q.points])).toEqual([
			['1.11', 0],
			['1.02', 1],
			['1.09', 1]
		]);
	});

	it('names fewer than three when fewer are weak, and none when everything is "umgesetzt"', () => {
		expect.hasAssertions();
		expect(adviseArea(shipped(), 1, area1({ '1.04': '2' }, '3')).weakest.map((q) => q.id)).toEqual(['1.04']);
		expect(adviseArea(shipped(), 1, area1({}, '3')).weakest).toEqual([]);
	});

	it('lists "weiß nicht" to clarify, leaves out "trifft nicht zu" and unanswered questions', () => {
		expect.hasAssertions();
		const agreed = new Map([
			['1.01', 'unknown'],
			['1.02', 'na'],
			['1.03', '0']
		]);
		const advice = adviseArea(shipped(), 1, agreed);
		expect(advice.toClarify.map((q) => q.id)).toEqual(['1.01']);
		expect(advice.weakest.map((q) => q.id)).toEqual(['1.03']);
		expect(advice.weakest[0]!.answer.de).toBe('nicht vorhanden');
	});

	it('shows a question without a catalogue suggestion with null', () => {
		expect.hasAssertions();
		const catalogue = shipped();
		delete catalogue.areas[0]!.questions[2]!.suggestion;
		expect(adviseArea(catalogue, 1, new Map([['1.03', '0']])).weakest[0]!.suggestion).toBeNull();
	});

	it('throws for an area the catalogue lacks', () => {
		expect(() => adviseArea(shipped(), 8, new Map())).toThrow();
	});
});

describe('the shipped catalogue', () => {
	it('has a German and an English suggestion for each of its 105 questions', () => {
		const questions = shipped().areas.flatMap((a) => a.questions);
		expect(questions).toHaveLength(105);
		for (const q of questions) expect([q.id, q.suggestion?.de && q.suggestion.en ? 'ok' : 'missing']).toEqual([q.id, 'ok']);
		expect(adviseAssessment(shipped(), new Map()).map((a) => a.area)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});
});
