import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';

describe('toCsv with id columns', () => {
	it('writes ids that German Excel would turn into a date or number as ="…" text, only in those columns', () => {
		expect(toCsv([['Frage-ID', 'Wert'], ['1.01', '1.01'], ['3.10', 'x'], ['FZ-GES-05', '2026.1']], [0])).toBe(
			'\uFEFFFrage-ID;Wert\r\n="1.01";1.01\r\n="3.10";x\r\nFZ-GES-05;2026.1\r\n'
		);
	});

	it('leaves numbers and empty cells in id columns alone', () => {
		expect(toCsv([[7, null, '']], [0, 1, 2])).toBe('\uFEFF7;;\r\n');
	});

	it('reads the ="…" form back as the bare id, while user text starting with = keeps its guard', () => {
		expect(parseCsv(toCsv([['1.01', '=SUMME(A1)']], [0]))).toEqual([['1.01', "'=SUMME(A1)"]]);
	});
});

describe('toCsv', () => {
	it('starts with a UTF-8 byte order mark so Excel reads umlauts', () => {
		expect(toCsv([['a']]).charCodeAt(0)).toBe(0xfeff);
	});

	it('separates fields with ";" and ends every row with CRLF', () => {
		expect(toCsv([['Handlungsfeld', 'Stufe'], ['Management und Steuerung', 1]])).toBe(
			'\uFEFFHandlungsfeld;Stufe\r\nManagement und Steuerung;1\r\n'
		);
	});

	it('writes null and undefined as empty fields', () => {
		expect(toCsv([[null, 'x', undefined, '']])).toBe('\uFEFF;x;;\r\n');
	});

	it('quotes fields with semicolons, quotes and line breaks, doubling the quotes', () => {
		expect(toCsv([['a;b', 'sagt "ja"', 'Zeile 1\nZeile 2', 'x\ry']])).toBe(
			'\uFEFF"a;b";"sagt ""ja""";"Zeile 1\nZeile 2";"x\ry"\r\n'
		);
	});

	it('quotes fields with leading or trailing spaces so they survive', () => {
		expect(toCsv([[' vorne', 'hinten ', 'mit te']])).toBe('\uFEFF" vorne";"hinten ";mit te\r\n');
	});

	it('leaves umlauts as they are', () => {
		expect(toCsv([['Größe', 'Maßnahme für Öffnung']])).toBe('\uFEFFGröße;Maßnahme für Öffnung\r\n');
	});

	it('puts a quote mark before text that a spreadsheet would run as a formula', () => {
		expect(toCsv([['=SUM(A1:A9)', '+49 30', '-1', '@cmd', '\tx']])).toBe(
			"\uFEFF'=SUM(A1:A9);'+49 30;'-1;'@cmd;'\tx\r\n"
		);
	});

	it('guards a formula even when the field also needs quotes', () => {
		expect(toCsv([['=HYPERLINK("http://x";"y")', '\rx']])).toBe(
			'\uFEFF"\'=HYPERLINK(""http://x"";""y"")";"\'\rx"\r\n'
		);
	});

	it('leaves numbers alone, negative ones included', () => {
		expect(toCsv([[-3, 0, 72.5]])).toBe('\uFEFF-3;0;72.5\r\n');
	});
});

describe('parseCsv', () => {
	it('strips the byte order mark', () => {
		expect(parseCsv('\uFEFFa;b\r\n')).toEqual([['a', 'b']]);
	});

	it('reads quoted fields with semicolons, doubled quotes and line breaks', () => {
		expect(parseCsv('"a;b";"sagt ""ja""";"Zeile 1\r\nZeile 2"\r\nx;y\r\n')).toEqual([
			['a;b', 'sagt "ja"', 'Zeile 1\r\nZeile 2'],
			['x', 'y']
		]);
	});

	it('reads empty fields and a quoted empty field', () => {
		expect(parseCsv(';x;;\r\n""\r\n')).toEqual([['', 'x', '', ''], ['']]);
	});

	it('accepts LF line ends and a missing final line end', () => {
		expect(parseCsv('a;b\nc;d')).toEqual([
			['a', 'b'],
			['c', 'd']
		]);
	});

	it('reads nothing from an empty text', () => {
		expect(parseCsv('')).toEqual([]);
		expect(parseCsv('\uFEFF')).toEqual([]);
	});
});

describe('toCsv and parseCsv', () => {
	it('give back what was written', () => {
		const rows = [
			['Frage', 'Antwort', 'Kommentar'],
			['1.01', 'umgesetzt und verankert', 'Beschluss "Integrationskonzept"; siehe Anlage'],
			['3.14', '', 'Zeile 1\r\nZeile 2\nZeile 3'],
			['7.02', 'weiß nicht', ' Einrückung '],
			['äöüß ÄÖÜ', 'Straße', 'Größe € – „Anführung“']
		];
		expect(parseCsv(toCsv(rows))).toEqual(rows);
	});

	it('give numbers back as text and null as empty text', () => {
		expect(parseCsv(toCsv([[1, 66.7, null, undefined]]))).toEqual([['1', '66.7', '', '']]);
	});

	it('keep the formula guard, which cannot be told from a typed quote mark', () => {
		expect(parseCsv(toCsv([['=1+1']]))).toEqual([["'=1+1"]]);
	});
});
