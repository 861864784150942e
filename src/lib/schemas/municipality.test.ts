import { describe, expect, it } from 'vitest';
import { municipalityCreateSchema, overviewQuerySchema } from './municipality';

const valid = { name: 'Stadt Krefeld', kind: 'kreisfreie_stadt', land: 'NW', populationBand: '100k_500k', coordinatorEmail: 'k@krefeld.de' };

function firstErrors(input: unknown): Record<string, string> {
	const result = municipalityCreateSchema.safeParse(input);
	if (result.success) return {};
	return Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]).reverse());
}

describe('a new municipality', () => {
	it('accepts a profile without an AGS, and one typed with spaces', () => {
		expect(municipalityCreateSchema.parse(valid).ags).toBeNull();
		expect(municipalityCreateSchema.parse({ ...valid, ags: '' }).ags).toBeNull();
		expect(municipalityCreateSchema.parse({ ...valid, ags: '05 1 14 000' }).ags).toBe('05114000');
	});

	it('names the field of each problem with a message key', () => {
		expect(firstErrors({ ...valid, kind: 'Stadt' })).toEqual({ kind: 'municipalityKind' });
		expect(firstErrors({ ...valid, land: 'XX' })).toEqual({ land: 'land' });
		expect(firstErrors({ ...valid, populationBand: '' })).toEqual({ populationBand: 'populationBand' });
		expect(firstErrors({ ...valid, ags: '0511400' })).toEqual({ ags: 'agsFormat' });
		expect(firstErrors({ ...valid, ags: '09162000' })).toEqual({ ags: 'agsLand' });
		expect(firstErrors({ ...valid, kind: 'stadtstaat_bezirk' })).toEqual({ kind: 'kindLand' });
		expect(firstErrors({ ...valid, name: ' ' })).toEqual({ name: 'required' });
		expect(firstErrors({ ...valid, name: 'Bad\u0007' })).toEqual({ name: 'controlChars' });
		expect(firstErrors({ ...valid, coordinatorEmail: 'kein' })).toEqual({ coordinatorEmail: 'email' });
	});

	it('reads overview filters from the address and drops what it does not know', () => {
		expect(overviewQuerySchema.parse({ land: 'BY', stage: 'measures', sort: 'stage', q: 'Zell' })).toEqual({ land: 'BY', stage: 'measures', sort: 'stage', q: 'Zell' });
		expect(overviewQuerySchema.parse({ land: 'ZZ', stage: 'x', sort: 'id', status: 'gone' })).toEqual({});
	});
});
