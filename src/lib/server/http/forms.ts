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

/** Reads a form body or answers 400 (`badForm`) / 413 (`tooLarge`): the error page says why. */
export async function readForm(request: Request): Promise<FormData> {
	const form = await tryReadForm(request);
	if (form instanceof FormData) return form;
	error(form.status, form.unreadable);
}
