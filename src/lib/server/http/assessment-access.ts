import { error } from '@sveltejs/kit';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import type { Role } from '../db/schema';
import { requireRole } from './guards';

/**
 * The assessment named by the route within the checked municipality, if the role is allowed.
 * 404 for an assessment of another municipality: its existence is not revealed.
 */
export async function requireAssessment(db: Db, locals: App.Locals, assessmentParam: string, ...roles: Role[]) {
	const access = requireRole(locals, ...roles);
	const assessment = await assessments.findAssessment(db, access.municipalityId, Number(assessmentParam));
	if (!assessment) error(404, 'notFound');
	return { ...access, assessment };
}

/** A workshop of the checked municipality (through its assessment), if the role is allowed; else 404/403. */
export async function requireWorkshop(db: Db, locals: App.Locals, workshopParam: string, ...roles: Role[]) {
	const access = requireRole(locals, ...roles);
	const row = await db
		.selectFrom('workshop')
		.innerJoin('assessment', 'assessment.id', 'workshop.assessment_id')
		.selectAll('workshop')
		.select(['assessment.name as assessmentName'])
		.where('workshop.id', '=', Number(workshopParam))
		.where('assessment.municipality_id', '=', access.municipalityId)
		.executeTakeFirst();
	if (!row) error(404, 'notFound');
	const { assessmentName, ...workshop } = row;
	return { ...access, workshop, assessmentName };
}
