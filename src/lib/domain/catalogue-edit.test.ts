import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCatalogue, type Catalogue } from '$lib/schemas/catalogue';
import {
	addQuestion,
	languagesOf,
	moveQuestion,
	nextQuestionId,
	notApplicableQuestions,
	removeQuestion,
	suggestVersion,
	withProfiles
} from './catalogue-edit';

const shipped = (): Catalogue => JSON.parse(readFileSync('db/catalogues/weltoffene-kommune-2026.1.json', 'utf8'));

describe('editing a catalogue draft', () => {
	it('moves a question up and down inside its area, and not past either end', () => {
		expect.hasAssertions();
		const c = shipped();
		const ids = (x: Catalogue) => x.areas[0]!.questions.slice(0, 3).map((q) => q.id);
		expect(ids(moveQuestion(c, 0, 2, -1))).toEqual(['1.01', '1.03', '1.02']);
		expect(ids(moveQuestion(c, 0, 0, 1))).toEqual(['1.02', '1.01', '1.03']);
		expect(moveQuestion(c, 0, 0, -1)).toEqual(c);
		expect(moveQuestion(c, 0, 11, 1)).toEqual(c);
	});

	it('removes and adds questions, proposing a free id, and stays a valid catalogue', () => {
		expect.hasAssertions();
		let c = removeQuestion(shipped(), 0, 11);
		expect(nextQuestionId(c, 0)).toBe('1.12');
		c = addQuestion(c, 0, withProfiles({ id: nextQuestionId(c, 0), text: { de: 'Neu?', en: 'New?' } }, ['landkreis', 'unbekannt']));
		expect(c.areas[0]!.questions.at(-1)).toEqual({ id: '1.12', text: { de: 'Neu?', en: 'New?' }, notApplicableFor: ['landkreis'] });
		expect(validateCatalogue(c).ok).toBe(true);
		// Taken ids are skipped: 1.12 still exists in this copy.
		expect(nextQuestionId(shipped(), 0)).toBe('1.13');
	});

	it('drops the profile field when no profile is chosen', () => {
		expect.hasAssertions();
		const q = shipped().areas[2]!.questions[24]!;
		expect(q.notApplicableFor).toEqual(['landkreis']);
		expect(withProfiles(q, [])).not.toHaveProperty('notApplicableFor');
	});

	it('proposes a new version number from the municipality name, past those in use', () => {
		expect.hasAssertions();
		expect(suggestVersion('2026.1', 'Musterstadt', [])).toBe('2026.1-musterstadt-1');
		expect(suggestVersion('2026.1', 'Bad Größenbüttel', ['2026.1-bad-groessenbuettel-1'])).toBe('2026.1-bad-groessenbuettel-2');
		expect(suggestVersion('2026.1-musterstadt-1', 'Musterstadt', ['2026.1-musterstadt-1'])).toBe('2026.1-musterstadt-2');
		expect(suggestVersion('2026.1', 'Landkreis Mittelfranken-Süd am See', []).length).toBeLessThanOrEqual(32);
	});

	it('knows the languages of a catalogue, German first', () => {
		expect.hasAssertions();
		expect(languagesOf(shipped())).toEqual(['de', 'en']);
	});
});

describe('applicability profiles in the shipped catalogue', () => {
	it('marks the city-only questions for the Landkreis and the Ausländerbehörde for the kreisangehörige Gemeinde', () => {
		expect.hasAssertions();
		const c = shipped();
		expect(notApplicableQuestions(c, 'landkreis')).toEqual(['3.25', '3.27', '3.28', '3.30', '5.06', '6.01', '6.02', '6.06']);
		expect(notApplicableQuestions(c, 'kreisangehoerige-gemeinde')).toEqual(['3.34', '4.06']);
		expect(notApplicableQuestions(c, 'kreisfreie-stadt')).toEqual([]);
		expect(notApplicableQuestions(c, null)).toEqual([]);
	});
});
