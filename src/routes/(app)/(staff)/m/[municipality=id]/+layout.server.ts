import { requireRole } from '$lib/server/http/guards';
import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => {
	const { municipalityId, municipalityName, role } = requireRole(locals);
	return { municipality: { id: municipalityId, name: municipalityName }, role };
}) satisfies LayoutServerLoad;
