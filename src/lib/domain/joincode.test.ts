import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, generateJoinCode, normaliseJoinCode } from './joincode';

describe('join codes', () => {
	it('use no characters that look alike', () => {
		for (const char of '0O1IL') expect(JOIN_CODE_ALPHABET).not.toContain(char);
		expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
	});

	it('are six characters from the alphabet', () => {
		let i = 0;
		const code = generateJoinCode((n) => (i++ * 7) % n);
		expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
	});

	it('come out different for different random sources', () => {
		const codes = new Set(Array.from({ length: 200 }, (_, seed) => generateJoinCode((n) => Math.floor(((seed * 9301 + 49297) % 233280) / 233280 * n + seed) % n)));
		expect(codes.size).toBeGreaterThan(20);
	});

	it('accept what people type: lower case, spaces, dashes', () => {
		expect(normaliseJoinCode(' k7m-2qa ')).toBe('K7M2QA');
		expect(normaliseJoinCode('k7m 2qa')).toBe('K7M2QA');
		expect(normaliseJoinCode('k7m-2qa')).toBe('K7M2QA');
		expect(normaliseJoinCode('ab cd ef')).toBe('ABCDEF');
	});

	it('refuse impossible codes without a lookup', () => {
		expect(normaliseJoinCode('ABCDE')).toBeUndefined();
		expect(normaliseJoinCode('ABCDEFG')).toBeUndefined();
		expect(normaliseJoinCode('ABCDE0')).toBeUndefined();
		expect(normaliseJoinCode("ABC';-")).toBeUndefined();
	});
});
