import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { Refusal } from './refusal';
import { de } from '$lib/i18n/staff/de';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as municipalities from '../db/municipalities';
import * as workshops from '../db/workshops';
import type { Assessment, Role } from '../db/schema';

/** A JSON error with a machine-readable code and a German message for people. */
export function apiError(status: number, code: string, extra: Record<string, unknown> = {}): Response {
	const messages = de.errors as Record<string, string>;
	return json({ error: code, message: messages[code] ?? messages.invalid, ...extra }, { status });
}

export type ApiAccess = { assessment: Assessment; role: Role; userId: number };

/**
 * The assessment behind an API path, with the caller's role in its municipality; a Response when
 * the caller is not logged in (401) or has no access (404: its existence is not revealed).
 */
export async function apiAssessment(db: Db, locals: App.Locals, idParam: string, ...roles: Role[]): Promise<ApiAccess | Response> {
	if (!locals.user) return apiError(401, 'login');
	const assessment = await assessments.findAssessmentById(db, Number(idParam));
	const role = assessment && (await municipalities.findRole(db, locals.user.id, assessment.municipality_id));
	if (!assessment || !role) return apiError(404, 'notFound');
	if (roles.length > 0 && !roles.includes(role)) return apiError(403, 'forbidden');
	return { assessment, role, userId: locals.user.id };
}

/** The workshop behind an API path with the caller's role in its municipality (staff only). */
export async function apiWorkshop(db: Db, locals: App.Locals, idParam: string, ...roles: Role[]) {
	if (!locals.user) return apiError(401, 'login');
	const row = await workshops.findWorkshopWithMunicipality(db, Number(idParam));
	const role = row && (await municipalities.findRole(db, locals.user.id, row.municipalityId));
	if (!row || !role) return apiError(404, 'notFound');
	if (roles.length > 0 && !roles.includes(role)) return apiError(403, 'forbidden');
	const { municipalityId, ...workshop } = row;
	return { workshop, municipalityId, role, userId: locals.user.id };
}

/** Parses a JSON body against a schema; a Response with the first problem's code when it fails. */
export async function jsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T> | Response> {
	let body: unknown;
	try {
		body = await request.json();
	} catch (err) {
		// adapter-node stops reading a body over BODY_SIZE_LIMIT with a 413 error.
		const status = (err as { status?: unknown; cause?: { status?: unknown } } | null);
		if (status?.status === 413 || status?.cause?.status === 413) return apiError(413, 'tooLarge');
		return apiError(400, 'invalidJson');
	}
	const parsed = schema.safeParse(body);
	if (parsed.success) return parsed.data;
	const code = parsed.error.issues[0]?.message;
	return apiError(422, code && /^[a-zA-Z]+$/.test(code) ? code : 'invalid');
}

/** Turns a Refusal into its JSON error; anything else is a bug and propagates. */
export function refusalResponse(err: unknown): Response {
	if (err instanceof Refusal) return apiError(err.status, err.code);
	throw err;
}
