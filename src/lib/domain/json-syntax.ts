/**
 * Finds the first syntax error in a JSON text and says what a person most likely did wrong. Node's
 * own parser names a character offset at best, in English; a coordinator who edited the file by hand
 * needs a line, a column and a guess ("überflüssiges Komma?"). Only called once JSON.parse failed.
 */

export const JSON_HINTS = [
	'trailingComma',
	'missingComma',
	'missingColon',
	'unquotedKey',
	'singleQuote',
	'typographicQuote',
	'comment',
	'unterminatedString',
	'lineBreakInString',
	'invalidEscape',
	'invalidNumber',
	'unquotedText',
	'unexpectedEnd',
	'extraContent',
	'unexpectedCharacter',
	'tooDeep'
] as const;
export type JsonHint = (typeof JSON_HINTS)[number];

// A type, not an interface: it is passed on as a problem's plain params record.
export type JsonSyntaxError = {
	/** 1-based. */
	line: number;
	/** 1-based, in characters of that line. */
	column: number;
	hint: JsonHint;
	/** The character found there ('' at the end of the text). */
	found: string;
};

/** Deeper than any catalogue; keeps the checker's recursion far from the stack limit. */
const MAX_DEPTH = 200;

class Stop {
	constructor(
		readonly offset: number,
		readonly hint: JsonHint
	) {}
}

/** The first syntax error in `source`, or undefined if it is valid JSON. */
export function findJsonSyntaxError(source: string): JsonSyntaxError | undefined {
	try {
		check(source);
		return undefined;
	} catch (stop) {
		if (!(stop instanceof Stop)) throw stop;
		return { ...lineAndColumn(source, stop.offset), hint: stop.hint, found: source[stop.offset] ?? '' };
	}
}

/** Line and column (both 1-based) of a character offset. */
export function lineAndColumn(source: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < offset && i < source.length; i++) {
		if (source[i] === '\n') {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: offset - lineStart + 1 };
}

function check(source: string): void {
	let pos = 0;
	const at = () => source[pos];
	const skipSpace = () => {
		while (pos < source.length && ' \t\n\r'.includes(source[pos]!)) pos++;
	};
	/** Why the character at `offset` cannot start a value or key. */
	const unexpected = (offset: number): Stop => {
		const c = source[offset];
		if (c === undefined) return new Stop(offset, 'unexpectedEnd');
		if (c === "'") return new Stop(offset, 'singleQuote');
		if ('„“”‚‘’«»'.includes(c)) return new Stop(offset, 'typographicQuote');
		if (c === '/' || c === '#') return new Stop(offset, 'comment');
		if (/[\p{L}_]/u.test(c)) return new Stop(offset, 'unquotedText');
		return new Stop(offset, 'unexpectedCharacter');
	};

	const value = (depth: number): void => {
		if (depth > MAX_DEPTH) throw new Stop(pos, 'tooDeep');
		skipSpace();
		const c = at();
		if (c === '{') return object(depth);
		if (c === '[') return array(depth);
		if (c === '"') return string();
		if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
		for (const word of ['true', 'false', 'null']) {
			if (source.startsWith(word, pos)) {
				pos += word.length;
				return;
			}
		}
		throw unexpected(pos);
	};

	/** After a value inside a list or object: a comma, the closing bracket, or a missing comma. */
	const separator = (close: string, valueEnd: number): boolean => {
		skipSpace();
		const c = at();
		if (c === ',') {
			const comma = pos;
			pos++;
			skipSpace();
			if (at() === close) throw new Stop(comma, 'trailingComma');
			return true;
		}
		if (c === close) {
			pos++;
			return false;
		}
		if (c === undefined) throw new Stop(pos, 'unexpectedEnd');
		if (c === '"' || c === '{' || c === '[' || /[\d\p{L}'„“-]/u.test(c)) throw new Stop(valueEnd, 'missingComma');
		throw unexpected(pos);
	};

	const object = (depth: number): void => {
		pos++;
		skipSpace();
		if (at() === '}') {
			pos++;
			return;
		}
		for (;;) {
			skipSpace();
			if (at() !== '"') {
				const c = at();
				if (c !== undefined && /[\p{L}_$]/u.test(c)) throw new Stop(pos, 'unquotedKey');
				throw unexpected(pos);
			}
			string();
			skipSpace();
			if (at() !== ':') throw at() === undefined ? new Stop(pos, 'unexpectedEnd') : new Stop(pos, 'missingColon');
			pos++;
			value(depth + 1);
			if (!separator('}', pos)) return;
		}
	};

	const array = (depth: number): void => {
		pos++;
		skipSpace();
		if (at() === ']') {
			pos++;
			return;
		}
		for (;;) {
			value(depth + 1);
			if (!separator(']', pos)) return;
		}
	};

	const string = (): void => {
		const start = pos;
		pos++;
		for (;;) {
			const c = at();
			if (c === undefined) throw new Stop(start, 'unterminatedString');
			if (c === '"') {
				pos++;
				return;
			}
			if (c === '\n' || c === '\r') throw new Stop(pos, 'lineBreakInString');
			if (c < ' ') throw new Stop(pos, 'unexpectedCharacter');
			if (c === '\\') {
				const escaped = source[pos + 1];
				if (escaped === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(source.slice(pos + 2, pos + 6))) throw new Stop(pos, 'invalidEscape');
					pos += 6;
					continue;
				}
				if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) throw new Stop(pos, 'invalidEscape');
				pos += 2;
				continue;
			}
			pos++;
		}
	};

	const number = (): void => {
		const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(pos, pos + 400));
		if (!match) throw new Stop(pos, 'invalidNumber');
		const end = pos + match[0].length;
		// "07", "1.", "1,5": the number continues in a way JSON does not allow.
		if (/[\d.eE]/.test(source[end] ?? '')) throw new Stop(pos, 'invalidNumber');
		pos = end;
	};

	value(0);
	skipSpace();
	if (pos < source.length) throw new Stop(pos, 'extraContent');
}
