/**
 * Applicability profiles: the kind of municipality an assessment is for. A catalogue question may
 * name the profiles it does not apply to (`notApplicableFor`); an assessment created for such a
 * profile starts with "trifft nicht zu" as that question's agreed answer (e.g. a Landkreis runs no
 * Stadtbibliothek, a kreisangehörige Gemeinde no Ausländerbehörde).
 */
export const PROFILES = ['kreisfreie-stadt', 'landkreis', 'kreisangehoerige-gemeinde'] as const;
export type Profile = (typeof PROFILES)[number];

export function isProfile(value: unknown): value is Profile {
	return typeof value === 'string' && (PROFILES as readonly string[]).includes(value);
}
