import { describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';
import { directionOf, pickLanguage } from './index';

/** Dotted paths of every message, so a key missing in one language shows by name. */
function keys(value: object, prefix = ''): string[] {
	return Object.entries(value).flatMap(([key, child]) =>
		typeof child === 'object' && child !== null ? keys(child, `${prefix}${key}.`) : [`${prefix}${key}`]
	);
}

describe('the message catalogue', () => {
	it('has the same messages in German and English', () => {
		expect(keys(en)).toEqual(keys(de));
	});

	it('has no empty message', () => {
		const empty = [de, en].flatMap((dict) =>
			keys(dict).filter((path) => path.split('.').reduce<any>((node, key) => node[key], dict) === '')
		);
		expect(empty).toEqual([]);
	});
});

describe('choosing the language', () => {
	it('follows the remembered choice first, then the browser, else German', () => {
		expect(pickLanguage('en', 'de-DE')).toBe('en');
		expect(pickLanguage(undefined, 'en-GB,en;q=0.9,de;q=0.8')).toBe('en');
		expect(pickLanguage(undefined, 'tr-TR,de;q=0.8')).toBe('de');
		expect(pickLanguage('xx', null)).toBe('de');
	});

	it('sets the direction for right-to-left languages', () => {
		expect(directionOf('de')).toBe('ltr');
		expect(directionOf('ar')).toBe('rtl');
	});
});
