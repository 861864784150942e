import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as catalogues from '../db/catalogues';
import * as municipalities from '../db/municipalities';
import * as questionnaire from '../db/questionnaire';
import { createTestDb } from '../db/testing';
import { presetNotApplicable } from './profiles';
import { adminResult } from '../results/results';
import { storeShippedCatalogues } from '../catalogues/shipped';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
	await storeShippedCatalogues(db);
});
afterEach(async () => {
	await db.destroy();
});

describe('an assessment for a profile', () => {
	it('starts the questions not applicable for a Landkreis as agreed "trifft nicht zu", excluded from the score', async () => {
		expect.hasAssertions();
		const m = await municipalities.createMunicipality(db, 'Landkreis Test');
		const [row] = await catalogues.listCatalogues(db, m.id);
		const stored = await catalogues.findCatalogue(db, m.id, row!.id);
		const assessment = await assessments.createAssessment(db, { municipalityId: m.id, name: 'Kreis', catalogueId: row!.id, createdBy: null, profile: 'landkreis' });
		expect(assessment.profile).toBe('landkreis');
		const set = await presetNotApplicable(db, {
			assessmentId: assessment.id,
			catalogue: catalogues.parseContent(stored!),
			profile: 'landkreis',
			reason: 'Profil Landkreis',
			actorId: null
		});
		expect(set).toBe(8);
		const agreed = await questionnaire.listAgreed(db, assessment.id);
		expect(agreed.map((a) => [a.question_id, a.value, a.automatic, a.reason]).sort()).toContainEqual(['3.25', 'na', 0, 'Profil Landkreis']);
		const result = await adminResult(db, assessment);
		// Out of the area's total: 4 city-only questions in area 3 (Bibliothek, Kultur, Erinnerung, Schwimmen).
		expect(result.areas.find((a) => a.area === 3)).toMatchObject({ notApplicable: 4, answered: 0 });
		expect(result.areas.find((a) => a.area === 6)).toMatchObject({ notApplicable: 3 });
	});

	it('sets nothing without a profile', async () => {
		expect.hasAssertions();
		const m = await municipalities.createMunicipality(db, 'Stadt Test');
		const [row] = await catalogues.listCatalogues(db, m.id);
		const stored = await catalogues.findCatalogue(db, m.id, row!.id);
		const assessment = await assessments.createAssessment(db, { municipalityId: m.id, name: 'Stadt', catalogueId: row!.id, createdBy: null });
		expect(await presetNotApplicable(db, { assessmentId: assessment.id, catalogue: catalogues.parseContent(stored!), profile: null, reason: '', actorId: null })).toBe(0);
		expect(await questionnaire.listAgreed(db, assessment.id)).toEqual([]);
	});
});
