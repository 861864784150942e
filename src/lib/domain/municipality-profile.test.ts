import { describe, expect, it } from 'vitest';
import {
	LAENDER,
	MUNICIPALITY_KINDS,
	POPULATION_BANDS,
	isLandCode,
	isMunicipalityKind,
	isPopulationBand,
	landName,
	normaliseAgs,
	profileProblems,
	type MunicipalityProfile
} from './municipality-profile';

const base: MunicipalityProfile = { kind: 'kreisfreie_stadt', land: 'NW', populationBand: '100k_500k', ags: null };

describe('municipality profile', () => {
	it('lists the 16 Länder with distinct codes and AGS prefixes', () => {
		expect.hasAssertions();
		expect(LAENDER).toHaveLength(16);
		expect(new Set(LAENDER.map((l) => l.code)).size).toBe(16);
		expect(new Set(LAENDER.map((l) => l.agsPrefix)).size).toBe(16);
		expect(landName('NW')).toBe('Nordrhein-Westfalen');
	});

	it('matches the codes the migration allows', () => {
		expect(MUNICIPALITY_KINDS).toEqual(['kreisfreie_stadt', 'landkreis', 'kreisangehoerige_gemeinde', 'stadtstaat_bezirk']);
		expect(POPULATION_BANDS).toEqual(['under_20k', '20k_50k', '50k_100k', '100k_500k', 'over_500k']);
		expect(isMunicipalityKind('landkreis')).toBe(true);
		expect(isMunicipalityKind('Landkreis')).toBe(false);
		expect(isPopulationBand('over_500k')).toBe(true);
		expect(isLandCode('XX')).toBe(false);
	});

	it('accepts a profile without an AGS and one whose AGS starts with its Land', () => {
		expect(profileProblems(base)).toEqual([]);
		expect(profileProblems({ ...base, ags: '05114000' })).toEqual([]); // Krefeld, NW
	});

	it('refuses an AGS that is not 8 digits', () => {
		for (const ags of ['0511400', '051140001', '05114a00', '05-114-000'])
			expect(profileProblems({ ...base, ags })).toEqual([{ field: 'ags', code: 'agsFormat' }]);
	});

	it('refuses an AGS from another Land', () => {
		expect(profileProblems({ ...base, ags: '09162000' })).toEqual([{ field: 'ags', code: 'agsLand' }]);
	});

	it('allows a Stadtstaat-Bezirk only in Berlin, Hamburg or Bremen', () => {
		expect(profileProblems({ ...base, kind: 'stadtstaat_bezirk', land: 'BE' })).toEqual([]);
		expect(profileProblems({ ...base, kind: 'stadtstaat_bezirk' })).toEqual([{ field: 'kind', code: 'kindLand' }]);
	});

	it('reads an AGS typed with spaces and treats blank as none', () => {
		expect(normaliseAgs(' 05 1 14 000 ')).toBe('05114000');
		expect(normaliseAgs('   ')).toBeNull();
		expect(normaliseAgs(undefined)).toBeNull();
	});
});
