import { error } from '@sveltejs/kit';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as workshops from '../db/workshops';
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
	const row = await workshops.findWorkshopOfMunicipality(db, access.municipalityId, Number(workshopParam));
	if (!row) error(404, 'notFound');
	const { assessmentName, ...workshop } = row;
	return { ...access, workshop, assessmentName };
}
