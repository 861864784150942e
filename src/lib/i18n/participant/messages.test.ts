import { describe, expect, it } from 'vitest';
import { participantMessages } from './dictionaries.server';
import { format, groupName } from './messages';
import { PARTICIPANT_LANGUAGES, participantDirection, pickParticipantLanguage } from './languages';
import { DEFAULT_STAKEHOLDER_GROUPS } from '$lib/schemas/forms';

/** Every message by dotted path. */
function entries(value: object, prefix = ''): [string, string][] {
	return Object.entries(value).flatMap(([key, child]): [string, string][] =>
		typeof child === 'object' && child !== null ? entries(child, `${prefix}${key}.`) : [[`${prefix}${key}`, String(child)]]
	);
}
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the participant dictionaries', () => {
	const german = entries(participantMessages('de'));

	it.each(PARTICIPANT_LANGUAGES)('%s has exactly the German keys, none empty', (lang) => {
		const messages = entries(participantMessages(lang));
		expect(messages.map(([key]) => key)).toEqual(german.map(([key]) => key));
		expect(messages.filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
	});

	it.each(PARTICIPANT_LANGUAGES)('%s uses the same ICU arguments as German and only simple ones', (lang) => {
		const messages = new Map(entries(participantMessages(lang)));
		for (const [key, text] of german) {
			const translated = messages.get(key)!;
			expect(placeholders(translated), `${lang} ${key}`).toEqual(placeholders(text));
			// Braces only as simple arguments: no plural/select the small formatter cannot fill.
			expect(translated.replace(/\{\w+\}/g, ''), `${lang} ${key}`).not.toMatch(/[{}]/);
		}
	});

	it('names every default stakeholder group in every language', () => {
		for (const lang of PARTICIPANT_LANGUAGES) {
			const m = participantMessages(lang);
			expect(Object.keys(m.groups).sort()).toEqual([...DEFAULT_STAKEHOLDER_GROUPS].sort());
		}
		expect(groupName(participantMessages('tr'), 'Politik')).toBe('Siyaset');
		expect(groupName(participantMessages('tr'), 'Seniorenbeirat')).toBe('Seniorenbeirat');
	});

	it('fills simple arguments and leaves unknown ones visible', () => {
		expect(format(participantMessages('de').level, { n: 2 })).toBe('Stufe 2');
		expect(format(participantMessages('ar').level, { n: 2 })).toBe('المستوى 2');
		expect(format('{a} und {b}', { a: 'x' })).toBe('x und {b}');
	});
});

describe('choosing the participant language', () => {
	it('takes the browser language by its primary subtag', () => {
		expect(pickParticipantLanguage(undefined, 'ar-EG,ar;q=0.9')).toBe('ar');
		expect(pickParticipantLanguage(undefined, 'de-CH')).toBe('de');
		expect(pickParticipantLanguage(undefined, 'uk-UA,ru;q=0.8')).toBe('uk');
		expect(pickParticipantLanguage(undefined, 'fa-IR')).toBe('fa');
	});

	it('falls back to German for an unknown or missing preference', () => {
		expect(pickParticipantLanguage(undefined, 'sw-KE,pl;q=0.5')).toBe('de');
		expect(pickParticipantLanguage(undefined, null)).toBe('de');
		expect(pickParticipantLanguage('xx', '*')).toBe('de');
	});

	it('follows the q-values, not only the order', () => {
		expect(pickParticipantLanguage(undefined, 'de;q=0.3, tr;q=0.9')).toBe('tr');
	});

	it('prefers the remembered choice, if the workshop offers it', () => {
		expect(pickParticipantLanguage('de-x-ls', 'en')).toBe('de-x-ls');
		expect(pickParticipantLanguage('ru', 'en-GB', ['de', 'en'])).toBe('en');
		expect(pickParticipantLanguage('ru', 'fa', ['de', 'en'])).toBe('de');
	});

	it('reads Arabic and Farsi right to left', () => {
		expect(PARTICIPANT_LANGUAGES.filter((lang) => participantDirection(lang) === 'rtl')).toEqual(['ar', 'fa']);
	});
});
