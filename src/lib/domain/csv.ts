/** A cell for `toCsv`; null and undefined become an empty field. */
export type CsvField = string | number | null | undefined;

// German Excel splits on ";" (the comma is the decimal separator) and only detects UTF-8 with a BOM.
const SEPARATOR = ';';
const LINE_END = '\r\n';
const BOM = '\uFEFF';

/** Text that a spreadsheet would run as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;

/**
 * What German Excel turns into a number or date on opening: "1.01" becomes 1 January, "3.10"
 * the number 3.1. Only these get the `="…"` form; other ids ("FZ-GES-05") stay as they are.
 */
const EXCEL_WOULD_CONVERT = /^(?=.*\d)[\d.,/:\- ]+$/;
/** The `="…"` wrapper written for such ids; `parseCsv` reads it back as the bare text. */
const TEXT_FORMULA = /^="([^"]*)"$/;

function formatField(field: CsvField, asText: boolean): string {
	if (field === null || field === undefined) return '';
	// A text formula: Excel shows its value as text and never re-reads it as a date.
	if (asText && typeof field === 'string' && EXCEL_WOULD_CONVERT.test(field)) return `="${field}"`;
	// Numbers are data we produced; a negative one must stay a number, not turn into text.
	if (typeof field === 'number') return String(field);
	const text = FORMULA_START.test(field) ? `'${field}` : field;
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes rows as CSV that German Excel opens correctly: UTF-8 with BOM, `;` between fields,
 * CRLF after every row. Text that starts like a formula gets a leading `'` so that a spreadsheet
 * shows it instead of running it; `parseCsv` does not undo this. In `textColumns` (ids such as
 * question numbers) a value Excel would read as a number or date is written as `="1.01"`, which
 * Excel (and LibreOffice) show as the text 1.01; the XLSX export needs no such trick.
 */
export function toCsv(rows: readonly (readonly CsvField[])[], textColumns: readonly number[] = []): string {
	return BOM + rows.map((row) => row.map((field, i) => formatField(field, textColumns.includes(i))).join(SEPARATOR) + LINE_END).join('');
}

/**
 * Reads CSV as `toCsv` writes it: strips the BOM, splits on `;`, and handles quoted fields with
 * `;`, doubled quotes and line breaks. Accepts CRLF and LF line ends; a final line end adds no row.
 */
export function parseCsv(text: string): string[][] {
	const source = text.startsWith(BOM) ? text.slice(BOM.length) : text;
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	// Distinguishes a row holding one empty field (`""`) from no row at all at the end of the text.
	let rowStarted = false;

	for (let i = 0; i < source.length; i++) {
		const char = source[i];
		if (quoted) {
			if (char !== '"') field += char;
			else if (source[i + 1] === '"') {
				field += '"';
				i++;
			} else quoted = false;
			continue;
		}
		if (char === '\r' || char === '\n') {
			if (char === '\r' && source[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			rowStarted = false;
			continue;
		}
		rowStarted = true;
		if (char === '"' && field === '') quoted = true;
		else if (char === SEPARATOR) {
			row.push(field);
			field = '';
		} else field += char;
	}
	if (rowStarted) {
		row.push(field);
		rows.push(row);
	}
	return rows.map((r) => r.map((value) => value.replace(TEXT_FORMULA, '$1')));
}
