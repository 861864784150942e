import { apiError } from '../http/api';
import type { Db } from '../db';
import * as municipalities from '../db/municipalities';

/**
 * The municipality a catalogue API call is about: `?municipality=ID`, or, without it, the one
 * municipality the caller coordinates. A Response when the caller may not store catalogues there:
 * 401 without a session, 404 for a municipality they have no access to, 403 for another role, 400
 * when they coordinate several and named none.
 */
export async function coordinatedMunicipality(db: Db, locals: App.Locals, url: URL): Promise<number | Response> {
	if (!locals.user) return apiError(401, 'login');
	const memberships = await municipalities.listMembershipsOf(db, locals.user.id);
	const named = url.searchParams.get('municipality');
	if (named !== null) {
		const membership = memberships.find((m) => String(m.municipalityId) === named);
		if (!membership) return apiError(404, 'notFound');
		if (membership.role !== 'coordinator') return apiError(403, 'forbidden');
		return membership.municipalityId;
	}
	const coordinated = memberships.filter((m) => m.role === 'coordinator');
	if (coordinated.length === 0) return apiError(403, 'forbidden');
	if (coordinated.length > 1) return apiError(400, 'municipalityRequired');
	return coordinated[0]!.municipalityId;
}
