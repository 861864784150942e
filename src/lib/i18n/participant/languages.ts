/**
 * The languages participants can take part in. Staff pages stay German and English
 * (`Language` in languages.ts); this list is separate so the staff dictionaries are not forced
 * to eight languages.
 *
 * `de-x-ls` is Leichte Sprache (German easy-to-read): BCP 47 has no subtag for it, so it uses a
 * private-use extension of German. The page's `lang` attribute says `de-x-ls`, which screen
 * readers treat as German (the primary subtag), which is what Leichte Sprache is.
 */
export const PARTICIPANT_LANGUAGES = ['de', 'en', 'ar', 'fa', 'tr', 'uk', 'ru', 'de-x-ls'] as const;
export type ParticipantLanguage = (typeof PARTICIPANT_LANGUAGES)[number];

/** Each language named in itself, as the chooser shows it. */
export const LANGUAGE_NAMES: Record<ParticipantLanguage, string> = {
	de: 'Deutsch',
	en: 'English',
	ar: 'العربية',
	fa: 'فارسی',
	tr: 'Türkçe',
	uk: 'Українська',
	ru: 'Русский',
	'de-x-ls': 'Leichte Sprache'
};

/** Cookie that remembers a device's participant language (a year; no identifier, just the code). */
export const PARTICIPANT_LANGUAGE_COOKIE = 'plang';

/**
 * The device's remembered choice: the participant chooser's cookie, else the staff pages' language
 * cookie (a person who switched the site to English gets English here too).
 */
export function rememberedParticipantLanguage(cookies: { get(name: string): string | undefined }): string | undefined {
	return cookies.get(PARTICIPANT_LANGUAGE_COOKIE) ?? cookies.get('lang');
}

export function isParticipantLanguage(value: unknown): value is ParticipantLanguage {
	return typeof value === 'string' && (PARTICIPANT_LANGUAGES as readonly string[]).includes(value);
}

/** Right-to-left for Arabic and Farsi; every other participant language reads left-to-right. */
export function participantDirection(lang: ParticipantLanguage): 'ltr' | 'rtl' {
	return lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr';
}

/**
 * The browser's preferences in order of their q-values (ties keep the header's order), as
 * lower-case language tags.
 */
function preferences(acceptLanguage: string | null): string[] {
	return (acceptLanguage ?? '')
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q ? Number(q.slice(2)) : 1;
			return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
		})
		.filter((p) => p.tag !== '' && p.tag !== '*' && p.weight > 0)
		.sort((a, b) => b.weight - a.weight || a.index - b.index)
		.map((p) => p.tag);
}

/**
 * The participant's language: the remembered choice if the workshop offers it, else the first
 * offered language the browser prefers (`ar-EG` → ar, `de-CH` → de), else German — or, should a
 * workshop not offer German, its first language.
 */
export function pickParticipantLanguage(
	cookie: string | undefined,
	acceptLanguage: string | null,
	offered: readonly ParticipantLanguage[] = PARTICIPANT_LANGUAGES
): ParticipantLanguage {
	if (isParticipantLanguage(cookie) && offered.includes(cookie)) return cookie;
	for (const tag of preferences(acceptLanguage)) {
		if (isParticipantLanguage(tag) && offered.includes(tag)) return tag;
		const primary = tag.split('-')[0];
		if (isParticipantLanguage(primary) && offered.includes(primary)) return primary;
	}
	return offered.includes('de') ? 'de' : (offered[0] ?? 'de');
}
