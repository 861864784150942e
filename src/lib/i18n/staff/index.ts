import { de, type Messages } from './de';
import { en } from './en';

import { LANGUAGES, isLanguage, type Language } from './languages';

/** A new language is one more dictionary typed as `Messages` (and a code in languages.ts). */
export { LANGUAGES, isLanguage, type Language };
export type { Messages };

export const LANGUAGE_COOKIE = 'lang';

const dictionaries: Record<Language, Messages> = { de, en };

/** The messages for a language; every visible string comes from here. */
export function t(lang: Language): Messages {
	return dictionaries[lang];
}

const RIGHT_TO_LEFT: readonly string[] = ['ar', 'fa', 'he', 'ur'];

export function directionOf(lang: string): 'ltr' | 'rtl' {
	return RIGHT_TO_LEFT.includes(lang) ? 'rtl' : 'ltr';
}

/** The remembered choice wins; else German unless the browser prefers English over German. */
export function pickLanguage(cookie: string | undefined, acceptLanguage: string | null): Language {
	if (isLanguage(cookie)) return cookie;
	const preferred = (acceptLanguage ?? '')
		.split(',')
		.map((part) => part.trim().slice(0, 2).toLowerCase())
		.find((code) => isLanguage(code));
	return preferred ?? 'de';
}


/** The message for an error code from the server; the generic one for a code it does not know. */
export function errorText(messages: Messages, code: string): string {
	const errors = messages.errors as Record<string, string>;
	return errors[code] ?? errors.invalid!;
}

/** Axis labels for levels 1–4, the first marked as the best so a chart's direction is plain. */
export function levelAxisLabels(messages: Messages): [string, string, string, string] {
	const label = (level: number) => messages.catalogues.level(level);
	return [`${label(1)} (${messages.gap.best})`, label(2), label(3), label(4)];
}
