import type { Language } from './i18n/staff';

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

/** A number with the reader's decimal separator (1,5 in German, 1.5 in English). */
function decimal(value: number, lang: Language): string {
	return value.toLocaleString(LOCALES[lang], { maximumFractionDigits: 2 });
}

/** A gap with its sign (+2, +1,5, 0, −1); a dash when there is none. Halves come from a median between two levels. */
export function signedGap(gap: number | null, lang: Language): string {
	if (gap === null) return '–';
	const size = decimal(Math.abs(gap), lang);
	return gap > 0 ? `+${size}` : gap < 0 ? `−${size}` : '0';
}

/**
 * A median level as a reader sees it: a whole level as is, a midpoint between two levels as the
 * range ("2–3" for 2.5), a dash when there is none.
 */
export function formatMedian(median: number | null): string {
	if (median === null) return '–';
	return Number.isInteger(median) ? String(median) : `${Math.floor(median)}–${Math.ceil(median)}`;
}

/** A share (0–1) as a whole percentage in the reader's format. */
export function formatShare(share: number, lang: Language): string {
	return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
