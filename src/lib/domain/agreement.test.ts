import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '$lib/schemas/catalogue';
import {
	agreementStatus,
	needsReason,
	nextAutomaticAgreement,
	spread,
	unanimousValue,
	type RaterAnswer
} from './agreement';

const catalogue: Catalogue = JSON.parse(readFileSync('db/catalogues/weltoffene-kommune-2026.1.json', 'utf8'));

/** Raters 1, 2, … with the given values; null is a rater who only commented. */
const raters = (...values: (string | null)[]): RaterAnswer[] => values.map((value, i) => ({ userId: i + 1, value }));

const automatic = (value: string) => ({ value, automatic: true });
const manual = (value: string) => ({ value, automatic: false });

describe('unanimousValue', () => {
	it('gives the value all raters agree on', () => {
		expect(unanimousValue(raters('2', '2', '2'))).toBe('2');
	});

	it('gives the value of a single rater', () => {
		expect(unanimousValue(raters('unknown'))).toBe('unknown');
	});

	it('ignores raters who only commented', () => {
		expect(unanimousValue(raters(null, '1', null, '1'))).toBe('1');
	});

	it('gives null when raters differ', () => {
		expect(unanimousValue(raters('2', '3'))).toBeNull();
	});

	it('gives null when nobody gave a value', () => {
		expect(unanimousValue(raters(null, null))).toBeNull();
		expect(unanimousValue([])).toBeNull();
	});
});

describe('agreementStatus', () => {
	it('is unanswered without rater values or agreed answer', () => {
		expect(agreementStatus([], undefined)).toBe('unanswered');
		expect(agreementStatus(raters(null), undefined)).toBe('unanswered');
	});

	it('is agreed when all rater values are equal, with or without the automatic answer yet', () => {
		expect(agreementStatus(raters('3', '3'), undefined)).toBe('agreed');
		expect(agreementStatus(raters('3', null, '3'), automatic('3'))).toBe('agreed');
	});

	it('is a disagreement when raters differ and nobody chose an answer', () => {
		expect(agreementStatus(raters('3', '1'), undefined)).toBe('disagreement');
	});

	it('is a disagreement when raters differ despite a stale automatic answer', () => {
		expect(agreementStatus(raters('3', '1'), automatic('3'))).toBe('disagreement');
	});

	it('is resolved once the coordinator chose an answer, whatever the raters say', () => {
		expect(agreementStatus(raters('3', '1'), manual('2'))).toBe('resolved');
		expect(agreementStatus(raters('3', '3'), manual('3'))).toBe('resolved');
		expect(agreementStatus([], manual('0'))).toBe('resolved');
	});
});

describe('nextAutomaticAgreement', () => {
	it('never touches a manual agreed answer', () => {
		expect(nextAutomaticAgreement(raters('1', '1'), manual('2'))).toEqual({ action: 'keep' });
		expect(nextAutomaticAgreement(raters('1', '3'), manual('2'))).toEqual({ action: 'keep' });
		expect(nextAutomaticAgreement([], manual('2'))).toEqual({ action: 'keep' });
	});

	it('sets the unanimous value when there is no agreed answer yet', () => {
		expect(nextAutomaticAgreement(raters('2', null, '2'), undefined)).toEqual({ action: 'set', value: '2' });
	});

	it('replaces an automatic answer when the raters now agree on another value', () => {
		expect(nextAutomaticAgreement(raters('1', '1'), automatic('2'))).toEqual({ action: 'set', value: '1' });
	});

	it('keeps an automatic answer that still matches', () => {
		expect(nextAutomaticAgreement(raters('2', '2'), automatic('2'))).toEqual({ action: 'keep' });
	});

	it('clears an automatic answer when the raters no longer agree', () => {
		expect(nextAutomaticAgreement(raters('2', '3'), automatic('2'))).toEqual({ action: 'clear' });
	});

	it('clears an automatic answer when no rater value remains', () => {
		expect(nextAutomaticAgreement(raters(null), automatic('2'))).toEqual({ action: 'clear' });
		expect(nextAutomaticAgreement([], automatic('2'))).toEqual({ action: 'clear' });
	});

	it('keeps nothing when there is nothing to agree on', () => {
		expect(nextAutomaticAgreement(raters('2', '3'), undefined)).toEqual({ action: 'keep' });
		expect(nextAutomaticAgreement([], undefined)).toEqual({ action: 'keep' });
	});
});

describe('spread', () => {
	it('counts every scale value and gives the range of the points', () => {
		expect(spread(raters('3', '1', '3', 'unknown', null), catalogue)).toEqual({
			values: { '3': 2, '2': 0, '1': 1, '0': 0, unknown: 1, na: 0 },
			min: 1,
			max: 3
		});
	});

	it('has no range when no answer carries points', () => {
		expect(spread(raters('unknown', null), catalogue)).toEqual({
			values: { '3': 0, '2': 0, '1': 0, '0': 0, unknown: 1, na: 0 },
			min: null,
			max: null
		});
	});

	it('gives a zero range for a lone "nicht vorhanden"', () => {
		const result = spread(raters('0'), catalogue);
		expect([result.min, result.max]).toEqual([0, 0]);
	});

	it('does not count values outside the scale', () => {
		const result = spread(raters('7', '2'), catalogue);
		expect(result.values).not.toHaveProperty('7');
		expect([result.min, result.max]).toEqual([2, 2]);
	});
});

describe('needsReason', () => {
	it('asks for a reason when the raters gave differing values', () => {
		expect(needsReason(raters('3', '1'), '3')).toBe(true);
		expect(needsReason(raters('3', '1', null), '2')).toBe(true);
	});

	it('asks for no reason when all rater values equal the chosen one', () => {
		expect(needsReason(raters('2', null, '2'), '2')).toBe(false);
	});

	it('asks for a reason when the choice overrides unanimous raters', () => {
		expect(needsReason(raters('2', '2'), '3')).toBe(true);
	});

	it('asks for no reason when no rater gave a value', () => {
		expect(needsReason(raters(null), '1')).toBe(false);
	});
});
