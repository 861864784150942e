import type { Language } from './i18n';

const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** A stored ISO timestamp as a date a reader expects, in the municipality's time zone. */
export function formatDate(iso: string, lang: Language): string {
	return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date(iso));
}

/** A stored ISO timestamp with date and time, in the municipality's time zone. */
export function formatDateTime(iso: string, lang: Language): string {
	if (!iso) return '';
	return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(
		new Date(iso)
	);
}

/** A gap with its sign (+2, 0, −1); a dash when there is none. */
export function signedGap(gap: number | null): string {
	return gap === null ? '–' : gap > 0 ? `+${gap}` : String(gap);
}
