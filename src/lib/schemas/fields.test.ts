import { describe, expect, it } from 'vitest';
import { allDistinct, hasControlChars, isCalendarDate } from './fields';
import { joinSchema, workshopAreasSchema, workshopCreateSchema } from './forms';

describe('shared field rules', () => {
	it('accepts only days that exist', () => {
		expect(isCalendarDate('2026-02-28')).toBe(true);
		expect(isCalendarDate('2028-02-29')).toBe(true);
		expect(isCalendarDate('2026-02-31')).toBe(false);
		expect(isCalendarDate('2026-13-01')).toBe(false);
		expect(isCalendarDate('2026-2-1')).toBe(false);
	});

	it('finds control characters; multi-line texts may break lines', () => {
		expect(hasControlChars('Rat\u0000haus')).toBe(true);
		expect(hasControlChars('a\nb')).toBe(true);
		expect(hasControlChars('a\r\n\tb', true)).toBe(false);
		expect(hasControlChars('a\u0007b', true)).toBe(true);
		expect(hasControlChars('Müller-Lüdenscheidt')).toBe(false);
	});

	it('sees duplicates regardless of case and spaces', () => {
		expect(allDistinct(['Politik', ' politik'])).toBe(false);
		expect(allDistinct(['Politik', 'Verwaltung'])).toBe(true);
	});
});

describe('schemas refuse what the fuzzer found', () => {
	const issue = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

	it('refuses duplicate groups, impossible dates and NUL in titles', () => {
		expect(issue(workshopCreateSchema.safeParse({ title: 'Workshop', groups: ['Politik', 'Politik'] }))).toBe('duplicateGroups');
		expect(issue(workshopCreateSchema.safeParse({ title: 'Workshop', heldOn: '2026-02-31' }))).toBe('date');
		expect(issue(workshopCreateSchema.safeParse({ title: 'Work\u0000shop' }))).toBe('controlChars');
		expect(workshopCreateSchema.safeParse({ title: 'Workshop', heldOn: '2026-02-28' }).success).toBe(true);
	});

	it('caps arrays', () => {
		const many = Array.from({ length: 100_000 }, () => 1);
		expect(issue(workshopAreasSchema.safeParse({ areas: many, open: true }))).toBe('tooMany');
		expect(issue(workshopCreateSchema.safeParse({ title: 'Workshop', areas: many }))).toBe('tooMany');
		expect(issue(joinSchema.safeParse({ group: 'A\u0000' }))).toBe('controlChars');
	});
});
