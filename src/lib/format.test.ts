import { describe, expect, it } from 'vitest';
import { formatMedian, formatShare, signedGap } from './format';

describe('figures as a reader sees them', () => {
	it('shows a median between two levels as their range, a whole one as is', () => {
		expect(formatMedian(2.5)).toBe('2–3');
		expect(formatMedian(1.5)).toBe('1–2');
		expect(formatMedian(3)).toBe('3');
		expect(formatMedian(null)).toBe('–');
	});

	it('signs a gap, with the reader\'s decimal separator for a half', () => {
		expect(signedGap(1.5, 'de')).toBe('+1,5');
		expect(signedGap(1.5, 'en')).toBe('+1.5');
		expect(signedGap(-2, 'de')).toBe('−2');
		expect(signedGap(0, 'de')).toBe('0');
		expect(signedGap(null, 'de')).toBe('–');
	});

	it('gives shares as whole percentages', () => {
		expect(formatShare(0.5, 'de')).toMatch(/^50\s?%$/);
		expect(formatShare(0.4706, 'en')).toBe('47%');
	});
});
