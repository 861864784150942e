import type { Config } from './config';

/**
 * The date this software was last checked against WCAG 2.1 AA: the full axe run over every page
 * (tests/a11y-all.e2e.ts), the keyboard-only flows (tests/keyboard.e2e.ts) and the reflow/text
 * spacing checks. Whoever repeats that check for a release sets this date in the same commit;
 * a municipality that has its own audit sets ACCESSIBILITY_CHECKED_ON instead.
 */
export const SOFTWARE_CHECKED_ON = '2026-11-29';

/** The federal enforcement body BITV 2.0 names by default (§ 16 BGG). */
export const SCHLICHTUNGSSTELLE_BGG = {
	name: 'Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG)',
	url: 'https://www.schlichtungsstelle-bgg.de/'
};

/** What the "Erklärung zur Barrierefreiheit" page shows, from the environment. */
export interface AccessibilityStatement {
	responsible: string | null;
	contact: { email: string | null; url: string | null; phone: string | null };
	/** ISO date of the last check. */
	checkedOn: string;
	/** True when the date is the software's own check, not one of the municipality. */
	checkedBySoftware: boolean;
	enforcement: { name: string; url: string };
}

export function accessibilityStatement(config: Config): AccessibilityStatement {
	return {
		responsible: config.ACCESSIBILITY_RESPONSIBLE ?? null,
		contact: {
			email: config.ACCESSIBILITY_CONTACT_EMAIL ?? null,
			url: config.ACCESSIBILITY_CONTACT_URL ?? null,
			phone: config.ACCESSIBILITY_CONTACT_PHONE ?? null
		},
		checkedOn: config.ACCESSIBILITY_CHECKED_ON ?? SOFTWARE_CHECKED_ON,
		checkedBySoftware: config.ACCESSIBILITY_CHECKED_ON === undefined,
		enforcement:
			config.ACCESSIBILITY_ENFORCEMENT_NAME && config.ACCESSIBILITY_ENFORCEMENT_URL
				? { name: config.ACCESSIBILITY_ENFORCEMENT_NAME, url: config.ACCESSIBILITY_ENFORCEMENT_URL }
				: SCHLICHTUNGSSTELLE_BGG
	};
}

/** A statement without a feedback channel does not meet BITV 2.0 § 7 (1) Nr. 2: warn at start. */
export function missingFeedbackContact(config: Config): boolean {
	return !config.ACCESSIBILITY_CONTACT_EMAIL && !config.ACCESSIBILITY_CONTACT_URL && !config.ACCESSIBILITY_CONTACT_PHONE;
}
