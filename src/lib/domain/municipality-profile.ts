/**
 * What a municipality is, for the operator's overview and the anonymous comparison: its kind, its Land
 * and its population band, plus the optional Amtlicher Gemeindeschlüssel (AGS). Pure: the codes stored
 * in `municipality.kind/land/population_band`, their labels in the staff languages, and the rules an
 * entry must follow. The codes are the ones the migration's CHECK constraints allow.
 */
import type { Language } from '$lib/i18n/staff/languages';

type Labels = Record<Language, string>;

export const MUNICIPALITY_KINDS = [
	'kreisfreie_stadt',
	'landkreis',
	'kreisangehoerige_gemeinde',
	'stadtstaat_bezirk'
] as const;
export type MunicipalityKind = (typeof MUNICIPALITY_KINDS)[number];

export const MUNICIPALITY_KIND_LABELS: Record<MunicipalityKind, Labels> = {
	kreisfreie_stadt: { de: 'Kreisfreie Stadt', en: 'Independent city (kreisfreie Stadt)' },
	landkreis: { de: 'Landkreis', en: 'District (Landkreis)' },
	kreisangehoerige_gemeinde: { de: 'Kreisangehörige Gemeinde', en: 'Municipality within a district' },
	stadtstaat_bezirk: { de: 'Stadtstaat-Bezirk', en: 'Borough of a city state' }
};

/** Population bands, smallest first; the comparison groups by them where groups are large enough. */
export const POPULATION_BANDS = ['under_20k', '20k_50k', '50k_100k', '100k_500k', 'over_500k'] as const;
export type PopulationBand = (typeof POPULATION_BANDS)[number];

export const POPULATION_BAND_LABELS: Record<PopulationBand, Labels> = {
	under_20k: { de: 'unter 20.000 Einwohner', en: 'under 20,000 inhabitants' },
	'20k_50k': { de: '20.000 bis unter 50.000 Einwohner', en: '20,000 to under 50,000 inhabitants' },
	'50k_100k': { de: '50.000 bis unter 100.000 Einwohner', en: '50,000 to under 100,000 inhabitants' },
	'100k_500k': { de: '100.000 bis unter 500.000 Einwohner', en: '100,000 to under 500,000 inhabitants' },
	over_500k: { de: '500.000 Einwohner und mehr', en: '500,000 inhabitants or more' }
};

/**
 * The 16 Länder: ISO 3166-2:DE code (without "DE-"), German name (used in both staff languages: it is
 * the official name), and the two digits every AGS in that Land starts with.
 */
export const LAENDER = [
	{ code: 'BW', name: 'Baden-Württemberg', agsPrefix: '08' },
	{ code: 'BY', name: 'Bayern', agsPrefix: '09' },
	{ code: 'BE', name: 'Berlin', agsPrefix: '11' },
	{ code: 'BB', name: 'Brandenburg', agsPrefix: '12' },
	{ code: 'HB', name: 'Bremen', agsPrefix: '04' },
	{ code: 'HH', name: 'Hamburg', agsPrefix: '02' },
	{ code: 'HE', name: 'Hessen', agsPrefix: '06' },
	{ code: 'MV', name: 'Mecklenburg-Vorpommern', agsPrefix: '13' },
	{ code: 'NI', name: 'Niedersachsen', agsPrefix: '03' },
	{ code: 'NW', name: 'Nordrhein-Westfalen', agsPrefix: '05' },
	{ code: 'RP', name: 'Rheinland-Pfalz', agsPrefix: '07' },
	{ code: 'SL', name: 'Saarland', agsPrefix: '10' },
	{ code: 'SN', name: 'Sachsen', agsPrefix: '14' },
	{ code: 'ST', name: 'Sachsen-Anhalt', agsPrefix: '15' },
	{ code: 'SH', name: 'Schleswig-Holstein', agsPrefix: '01' },
	{ code: 'TH', name: 'Thüringen', agsPrefix: '16' }
] as const;
export type LandCode = (typeof LAENDER)[number]['code'];
export const LAND_CODES = LAENDER.map((land) => land.code) as unknown as readonly [LandCode, ...LandCode[]];

/** The city states: the only Länder with Stadtstaat-Bezirke. */
export const CITY_STATES: readonly LandCode[] = ['BE', 'HH', 'HB'];

export function isMunicipalityKind(value: unknown): value is MunicipalityKind {
	return typeof value === 'string' && (MUNICIPALITY_KINDS as readonly string[]).includes(value);
}

export function isPopulationBand(value: unknown): value is PopulationBand {
	return typeof value === 'string' && (POPULATION_BANDS as readonly string[]).includes(value);
}

export function isLandCode(value: unknown): value is LandCode {
	return typeof value === 'string' && (LAND_CODES as readonly string[]).includes(value);
}

export function kindLabel(kind: MunicipalityKind, lang: Language): string {
	return MUNICIPALITY_KIND_LABELS[kind][lang];
}

export function populationBandLabel(band: PopulationBand, lang: Language): string {
	return POPULATION_BAND_LABELS[band][lang];
}

/** The Land's German name; the code itself for a code that is not one of the 16. */
export function landName(code: string): string {
	return LAENDER.find((land) => land.code === code)?.name ?? code;
}

/** Why a profile cannot be saved; each names the field it belongs to. */
export type ProfileProblem =
	| { field: 'ags'; code: 'agsFormat' }
	| { field: 'ags'; code: 'agsLand' }
	| { field: 'kind'; code: 'kindLand' };

export interface MunicipalityProfile {
	kind: MunicipalityKind;
	land: LandCode;
	populationBand: PopulationBand;
	/** Amtlicher Gemeindeschlüssel: exactly 8 digits, or null when not given. */
	ags: string | null;
}

/**
 * Rules across fields: an AGS has 8 digits and starts with its Land's two digits (the Land is the
 * first level of the key); a Stadtstaat-Bezirk lies in Berlin, Hamburg or Bremen.
 */
export function profileProblems(profile: MunicipalityProfile): ProfileProblem[] {
	const problems: ProfileProblem[] = [];
	if (profile.ags !== null) {
		if (!/^\d{8}$/.test(profile.ags)) problems.push({ field: 'ags', code: 'agsFormat' });
		else if (!profile.ags.startsWith(LAENDER.find((land) => land.code === profile.land)!.agsPrefix))
			problems.push({ field: 'ags', code: 'agsLand' });
	}
	if (profile.kind === 'stadtstaat_bezirk' && !CITY_STATES.includes(profile.land))
		problems.push({ field: 'kind', code: 'kindLand' });
	return problems;
}

/** An AGS as typed (spaces allowed, as it is often printed "05 3 15 000"); null when empty. */
export function normaliseAgs(input: string | null | undefined): string | null {
	const compact = (input ?? '').replace(/\s+/g, '');
	return compact === '' ? null : compact;
}
