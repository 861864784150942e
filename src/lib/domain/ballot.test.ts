import { describe, expect, it } from 'vitest';
import { refuseRating, type WorkshopFacts } from './ballot';

const running: WorkshopFacts = { status: 'open', areas: [1, 2, 3], openAreas: [1, 2] };

describe('rating rules', () => {
	it('accept levels 1–4 and "kann ich nicht beurteilen" for an open area', () => {
		for (const level of [1, 2, 3, 4, null]) expect(refuseRating(running, 1, level)).toBeNull();
	});

	it('refuse values outside 1–4', () => {
		for (const level of [0, 5, 2.5, '3', undefined]) expect(refuseRating(running, 1, level)).toBe('invalidLevel');
	});

	it('refuse areas the workshop does not rate, and closed areas', () => {
		expect(refuseRating(running, 7, 2)).toBe('unknownArea');
		expect(refuseRating(running, 3, 2)).toBe('areaClosed');
	});

	it('let paper ballots into closed areas but never into an ended workshop', () => {
		expect(refuseRating(running, 3, 2, true)).toBeNull();
		expect(refuseRating({ ...running, status: 'ended' }, 1, 2, true)).toBe('workshopEnded');
		expect(refuseRating({ ...running, status: 'ended' }, 1, 2)).toBe('workshopEnded');
	});
});
