import { error } from '@sveltejs/kit';
import { getApp } from './app';
import * as assessments from './db/assessments';
import type { Role } from './db/schema';
import { requireRole } from './guards';

/**
 * The assessment named by the route within the checked municipality, if the role is allowed.
 * 404 for an assessment of another municipality: its existence is not revealed.
 */
export async function requireAssessment(locals: App.Locals, assessmentParam: string, ...roles: Role[]) {
	const access = requireRole(locals, ...roles);
	const assessment = await assessments.findAssessment(getApp().db, access.municipalityId, Number(assessmentParam));
	if (!assessment) error(404, 'notFound');
	return { ...access, assessment };
}
