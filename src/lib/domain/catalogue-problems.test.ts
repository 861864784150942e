import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCatalogue, validateCatalogueText, type Catalogue } from '$lib/schemas/catalogue';
import { catalogueProblemTexts } from '$lib/i18n/staff/catalogue-problems';
import { describeProblems, problemLine, type DescribedProblem } from './catalogue-problems';
import { findJsonSyntaxError } from './json-syntax';

const source = readFileSync('db/catalogues/weltoffene-kommune-2026.1.json', 'utf8');
const shipped = (): any => JSON.parse(source) as Catalogue;
/** The shipped catalogue without its profile markings, for tests that take "trifft nicht zu" away. */
const unprofiled = (): any => {
	const c = shipped();
	for (const area of c.areas) for (const q of area.questions) delete q.notApplicableFor;
	return c;
};

function described(json: unknown, lang: 'de' | 'en' = 'de'): DescribedProblem[] {
	const result = validateCatalogue(json);
	return result.ok ? [] : describeProblems(result.problems, result.json, catalogueProblemTexts(lang));
}
const lines = (json: unknown, lang: 'de' | 'en' = 'de') => described(json, lang).map(problemLine);

function describedText(text: string, lang: 'de' | 'en' = 'de'): DescribedProblem[] {
	const result = validateCatalogueText(text);
	return result.ok ? [] : describeProblems(result.problems, result.json, catalogueProblemTexts(lang));
}

describe('catalogue problems as people name them', () => {
	it('names a question by area, topic, number and id: "englischer Text fehlt"', () => {
		expect.hasAssertions();
		const c = shipped();
		c.areas[2].questions[16].id = 'FZ-GES-05';
		delete c.areas[2].questions[16].text.en;
		expect(lines(c)).toEqual([
			'Handlungsfeld 3, Thema Gesundheit und Pflege, Frage 3.17 (Kennung FZ-GES-05): englischer Text fehlt'
		]);
		expect(lines(c, 'en')).toEqual(['Area 3, topic Gesundheit und Pflege, question 3.17 (id FZ-GES-05): English text missing']);
	});

	it('leaves out the id when it is the question number, and names an empty German help text', () => {
		expect.hasAssertions();
		const c = shipped();
		c.areas[0].questions[4].help = { de: ' ', en: 'Help' };
		expect(lines(c)).toEqual(['Handlungsfeld 1, Frage 1.05: deutscher Hilfetext ist leer']);
	});

	it('gives line and column for a trailing comma, with the hint "überflüssiges Komma?"', () => {
		expect.hasAssertions();
		const broken = source.replace('"version": "2026.1",', '"version": "2026.1",,');
		const [problem, ...rest] = describedText(broken);
		expect(rest).toEqual([]);
		expect(problem).toMatchObject({ where: 'Zeile 3, Spalte 23', line: 3, column: 23 });
		expect(problem!.message).toContain('keine gültige JSON-Datei');

		const trailing = describedText('{\n  "id": "x",\n  "areas": [1, 2,]\n}');
		expect(trailing[0]).toMatchObject({ where: 'Zeile 3, Spalte 17', line: 3, column: 17 });
		expect(trailing[0]!.message).toContain('überflüssiges Komma?');
		expect(describedText('{"a": [1,]}', 'en')[0]!.message).toContain('superfluous comma?');
	});

	it('gives line, column and a hint for other syntax errors', () => {
		expect.hasAssertions();
		expect(findJsonSyntaxError('{\n "a": 1\n "b": 2\n}')).toMatchObject({ line: 2, column: 8, hint: 'missingComma' });
		expect(findJsonSyntaxError('{ a: 1 }')).toMatchObject({ line: 1, column: 3, hint: 'unquotedKey' });
		expect(findJsonSyntaxError("{ 'a': 1 }")).toMatchObject({ hint: 'singleQuote' });
		expect(findJsonSyntaxError('{ "a": „x“ }')).toMatchObject({ hint: 'typographicQuote' });
		expect(findJsonSyntaxError('{ "a": 1 // x\n}')).toMatchObject({ hint: 'comment' });
		expect(findJsonSyntaxError('{ "a": [1, 2')).toMatchObject({ hint: 'unexpectedEnd' });
		expect(findJsonSyntaxError('{ "a": "x\ny" }')).toMatchObject({ line: 1, column: 10, hint: 'lineBreakInString' });
		expect(findJsonSyntaxError('{ "a": 1 }}')).toMatchObject({ hint: 'extraContent' });
		expect(findJsonSyntaxError('{ "a": 1 }')).toBeUndefined();
		expect(findJsonSyntaxError('['.repeat(100_000))).toMatchObject({ hint: 'tooDeep' });
		const [problem] = describedText('{ "id": "Fragen" "version": 1 }');
		expect(problemLine(problem!)).toBe(
			'Zeile 1, Spalte 17: keine gültige JSON-Datei – fehlt hier ein Komma? Zwischen zwei Einträgen muss ein Komma stehen. Gefunden: „ “.'
		);
	});

	it('names a missing area once ("Handlungsfeld 4 fehlt") without follow-on errors', () => {
		expect.hasAssertions();
		const c = shipped();
		c.areas.splice(3, 1);
		expect(lines(c)).toEqual(['Katalog: Handlungsfeld 4 („Arbeit und wirtschaftliche Entwicklung“) fehlt']);
		expect(lines(c, 'en')).toEqual(['Catalogue: Area 4 ("Arbeit und wirtschaftliche Entwicklung") is missing']);
	});

	it('names later areas by their own number after a missing one', () => {
		expect.hasAssertions();
		const c = shipped();
		c.areas.splice(1, 1);
		delete c.areas[4].questions[0].text.de;
		expect(lines(c)).toEqual([
			'Handlungsfeld 6, Frage 6.01: deutscher Text fehlt',
			'Katalog: Handlungsfeld 2 („Interkulturelle Öffnung und Antirassismus“) fehlt'
		]);
	});

	it('says an area is out of order once, by its number', () => {
		expect.hasAssertions();
		const c = shipped();
		[c.areas[0], c.areas[1]] = [c.areas[1], c.areas[0]];
		expect(lines(c)).toEqual([
			'Handlungsfeld 1: steht nach Handlungsfeld 2; die Handlungsfelder müssen in der Reihenfolge 1 bis 7 stehen'
		]);
	});

	it('shows the wrong value in a type error and never says "fehlt" for it', () => {
		expect.hasAssertions();
		const c = shipped();
		c.levels[1].minScore = '50';
		c.scale[0].points = 2.5;
		c.areas[6].questions[0].text = 'Nur deutsch';
		const found = lines(c);
		expect(found).toEqual([
			'Antwortskala, Antwort 1 („umgesetzt und verankert“): Punkte: 2.5 ist keine ganze Zahl',
			'Stufe 2: Schwelle: "50" ist ein Text; erwartet wird eine Zahl',
			'Handlungsfeld 7, Frage 7.01: Text: "Nur deutsch" ist ein Text; erwartet wird ein Objekt in { }'
		]);
		expect(found.join('\n')).not.toMatch(/fehlt|Pflichtangabe/);
	});

	it('shows both values in a threshold error: "Schwelle 80 muss kleiner sein als 75 (Stufe 1)"', () => {
		expect.hasAssertions();
		const c = shipped();
		c.levels[1].minScore = 80;
		c.levels[3].minScore = 5;
		expect(lines(c)).toEqual([
			'Stufe 2: Schwelle 80 muss kleiner sein als 75 (Stufe 1)',
			'Stufe 4: Schwelle 5 muss 0 sein: Stufe 4 beginnt bei 0 %'
		]);
		expect(lines(c, 'en')[0]).toBe('Level 2: Threshold 80 must be lower than 75 (level 1)');
	});

	it('shows the value of a number out of range, a wrong level count and an unknown value', () => {
		expect.hasAssertions();
		const c = unprofiled();
		c.levels[0].minScore = 120;
		c.scale[5].kind = 'irrelevant';
		const levels = shipped();
		levels.levels.pop();
		expect(lines(c)).toEqual([
			'Antwortskala, Antwort 6 („trifft nicht zu“): Art: "irrelevant" ist nicht erlaubt (erlaubt: unknown, notApplicable)',
			'Stufe 1: Schwelle 120 ist zu groß (höchstens 100)'
		]);
		expect(lines(levels)).toEqual(['Katalog: Stufen: 3 Einträge, genau 4 nötig']);
	});

	it('names unknown fields, bad ids, duplicate ids, unknown topics and wrong official names', () => {
		expect.hasAssertions();
		const c = shipped();
		c.areas[0].questions[0].tekst = 'Tippfehler';
		c.areas[0].questions[1].id = 'mit Leerzeichen';
		c.areas[1].questions[0].id = '1.01';
		c.areas[2].questions[0].topic = 'raumfahrt';
		c.areas[6].name.de = 'Kommunikation';
		const found = lines(c);
		expect(found).toEqual([
			'Handlungsfeld 1, Frage 1.01: unbekanntes Feld „tekst“ (Tippfehler?)',
			'Handlungsfeld 1, Frage 1.02 (Kennung mit Leerzeichen): Kennung "mit Leerzeichen" ist ungültig (erlaubt: Buchstaben, Ziffern, Punkt, Binde- und Unterstrich; höchstens 64 Zeichen)',
			'Handlungsfeld 2, Frage 2.01 (Kennung 1.01): Kennung „1.01“ hat schon Frage 1.01',
			expect.stringMatching(/^Handlungsfeld 3, Frage 3\.01: Thema „raumfahrt“ gibt es in diesem Handlungsfeld nicht \(vorhanden: bildung, sprache, /),
			'Handlungsfeld 7: Name „Kommunikation“ ist nicht der offizielle; erwartet: „Kommunikation und Konfliktmanagement“'
		]);
	});

	it('names recommendations and titles by level and language', () => {
		expect.hasAssertions();
		const c = shipped();
		delete c.areas[4].recommendations['2'].en;
		c.title.de = '';
		expect(lines(c)).toEqual(['Katalog: deutscher Titel ist leer', 'Handlungsfeld 5: englische Anregung für Stufe 2 fehlt']);
	});

	it('says once that questions are marked for a profile but the scale has no "trifft nicht zu"', () => {
		expect.hasAssertions();
		const c = shipped();
		c.scale.pop();
		expect(lines(c)).toEqual([
			'Katalog: 10 Fragen (ab 3.25) sind für ein Profil als „trifft nicht zu“ markiert, aber die Antwortskala hat keine Antwort „trifft nicht zu“'
		]);
	});
});
