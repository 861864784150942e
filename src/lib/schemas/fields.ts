import { z } from 'zod';

/*
 * Building blocks every schema uses, so no string is unbounded, no text carries control
 * characters and no date is impossible. Messages are keys of the `errors` messages.
 */

/** Any C0/C1 control character or DEL; single-line texts (names, titles) allow none. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Multi-line texts (comments, reasons) may contain tab, line feed and carriage return. */
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const hasControlChars = (value: string, multiline = false) => (multiline ? CONTROL_MULTILINE : CONTROL).test(value);

/** A single-line text of at most `max` characters without control characters. */
export const plainText = (max: number, tooLong = 'tooLong') =>
	z
		.string()
		.max(max, { error: tooLong })
		.refine((value) => !hasControlChars(value), { error: 'controlChars' });

/** A multi-line text (line breaks and tabs allowed) of at most `max` characters. */
export const multilineText = (max: number, tooLong = 'tooLong') =>
	z
		.string()
		.max(max, { error: tooLong })
		.refine((value) => !hasControlChars(value, true), { error: 'controlChars' });

/** True when `value` is `YYYY-MM-DD` and that day exists (no 2026-02-31). */
export function isCalendarDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const calendarDate = z.string().max(10, { error: 'date' }).refine(isCalendarDate, { error: 'date' });

/** True when no two entries are equal, ignoring case and surrounding spaces. */
export function allDistinct(values: readonly string[]): boolean {
	const seen = new Set(values.map((v) => v.trim().toLocaleLowerCase('de')));
	return seen.size === values.length;
}
