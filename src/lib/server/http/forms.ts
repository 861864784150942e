import { z } from 'zod';
import { error } from '@sveltejs/kit';

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
	| { ok: true; data: T }
	| { ok: false; values: Record<string, string>; errors: FieldErrors };

/**
 * Validates form data against a schema. On failure returns the submitted text values (never
 * password fields) and the first error key per field, ready for `fail(400, …)`.
 */
export function parseForm<T extends z.ZodType>(schema: T, form: FormData): FormResult<z.infer<T>> {
	const result = schema.safeParse(textFields(schema, form));
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= isMessageKey(issue.message) ? issue.message : 'invalid';
	}
	return { ok: false, values: formValues(schema, form), errors };
}

/**
 * The submitted text values of the schema's own fields, never a password field: what a refusal
 * echoes to fill the form again. Only known names: a field named `__proto__` would become an own
 * key that SvelteKit cannot serialise (a 500), and unknown fields have no input to go back into.
 */
export function formValues(schema: z.ZodType, form: FormData): Record<string, string> {
	const values = textFields(schema, form);
	for (const key of Object.keys(values)) if (/password|current|next|confirm/i.test(key)) delete values[key];
	return values;
}

/** The schema's fields as sent (the last value of a repeated name, text only). */
function textFields(schema: z.ZodType, form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const key of fieldsOf(schema)) {
		const value = form.getAll(key).at(-1);
		if (typeof value === 'string') values[key] = value;
	}
	return values;
}

/** The field names of a form schema: an object, possibly refined, piped or one of a union. */
function fieldsOf(schema: z.ZodType): string[] {
	if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
	if (schema instanceof z.ZodPipe) return fieldsOf(schema.in as z.ZodType);
	if (schema instanceof z.ZodUnion) return [...new Set((schema.options as z.ZodType[]).flatMap(fieldsOf))];
	return [];
}

// Our schemas give message keys; zod's own defaults are sentences and mean "invalid" for the UI.
function isMessageKey(message: string): boolean {
	return /^[a-zA-Z]+$/.test(message);
}

/** Why a request body could not be read: too large for BODY_SIZE_LIMIT, or not a readable form. */
export type UnreadableForm = { unreadable: 'badForm' | 'tooLarge'; status: 400 | 413 };

function statusOf(err: unknown): number | undefined {
	const status = (err as { status?: unknown } | null)?.status;
	return typeof status === 'number' ? status : undefined;
}

/**
 * Reads a form body. A body that is not a form (e.g. `text/plain`, broken multipart) or larger
 * than the server's BODY_SIZE_LIMIT is the client's fault, not a 500: returns why instead.
 */
export async function tryReadForm(request: Request): Promise<FormData | UnreadableForm> {
	try {
		return await request.formData();
	} catch (err) {
		// adapter-node aborts an oversized body with a 413 error; the cause may be wrapped.
		const cause = (err as { cause?: unknown } | null)?.cause;
		if (statusOf(err) === 413 || statusOf(cause) === 413) return { unreadable: 'tooLarge', status: 413 };
		return { unreadable: 'badForm', status: 400 };
	}
}

/**
 * Reads a body to its end and drops it: for actions that read no fields (and, as a safety net, for
 * every request in hooks.server.ts). An answer sent before the body was read leaves the rest of it
 * in the connection (adapter-node pauses the stream): the client sees a reset, or its next request
 * on that keep-alive connection waits. A body over BODY_SIZE_LIMIT answers 413 (`tooLarge`).
 */
export async function drainBody(request: Request): Promise<void> {
	if (!request.body || request.bodyUsed) return;
	try {
		const reader = request.body.getReader();
		while (!(await reader.read()).done) {
			// dropped: only the end of the body matters
		}
	} catch (err) {
		const cause = (err as { cause?: unknown } | null)?.cause;
		if (statusOf(err) === 413 || statusOf(cause) === 413) error(413, 'tooLarge');
		error(400, 'badForm');
	}
}

/** Reads a form body or answers 400 (`badForm`) / 413 (`tooLarge`): the error page says why. */
export async function readForm(request: Request): Promise<FormData> {
	const form = await tryReadForm(request);
	if (form instanceof FormData) return form;
	error(form.status, form.unreadable);
}
