import { json } from '@sveltejs/kit';
import { de } from '$lib/i18n/de';
import { getApp } from './app';
import * as municipalities from './db/municipalities';
import type { Assessment, Role } from './db/schema';

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
export async function apiAssessment(locals: App.Locals, idParam: string, ...roles: Role[]): Promise<ApiAccess | Response> {
	if (!locals.user) return apiError(401, 'login');
	const { db } = getApp();
	const assessment = await db.selectFrom('assessment').selectAll().where('id', '=', Number(idParam)).executeTakeFirst();
	const role = assessment && (await municipalities.findRole(db, locals.user.id, assessment.municipality_id));
	if (!assessment || !role) return apiError(404, 'notFound');
	if (roles.length > 0 && !roles.includes(role)) return apiError(403, 'forbidden');
	return { assessment, role, userId: locals.user.id };
}
