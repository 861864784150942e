import { z } from 'zod';

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
	| { ok: true; data: T }
	| { ok: false; values: Record<string, string>; errors: FieldErrors };

/**
 * Validates form data against a schema. On failure returns the submitted text values (never
 * password fields) and the first error key per field, ready for `fail(400, …)`.
 */
export function parseForm<T extends z.ZodType>(schema: T, form: FormData): FormResult<z.infer<T>> {
	const raw: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') raw[key] = value;
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= isMessageKey(issue.message) ? issue.message : 'invalid';
	}
	const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !/password|current|next|confirm/i.test(key)));
	return { ok: false, values, errors };
}

// Our schemas give message keys; zod's own defaults are sentences and mean "invalid" for the UI.
function isMessageKey(message: string): boolean {
	return /^[a-zA-Z]+$/.test(message);
}
