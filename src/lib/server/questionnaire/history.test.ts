import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as catalogues from '../db/catalogues';
import * as municipalities from '../db/municipalities';
import * as questionnaire from '../db/questionnaire';
import type { Assessment } from '../db/schema';
import { createTestDb } from '../db/testing';
import * as users from '../db/users';
import { saveAnswers, setAssignments } from './questionnaire';
import { storeShippedCatalogues } from '../catalogues/shipped';

let db: Db;
let assessment: Assessment;
let first: number;
let second: number;

beforeEach(async () => {
	db = await createTestDb();
	await storeShippedCatalogues(db);
	const m = await municipalities.createMunicipality(db, 'Namensstadt');
	// Two editors with the same display name and different e-mails.
	const person = async (email: string) => {
		const user = await users.createUser(db, { email, name: 'Alex Müller', passwordHash: 'x' });
		await users.addMembership(db, user.id, m.id, 'editor');
		return user.id;
	};
	first = await person('alex.mueller@amt-a.example');
	second = await person('alex.mueller@amt-b.example');
	const coordinator = await users.createUser(db, { email: 'k@namensstadt.example', name: 'K', passwordHash: 'x' });
	await users.addMembership(db, coordinator.id, m.id, 'coordinator');
	const [catalogue] = await catalogues.listCatalogues(db, m.id);
	assessment = await assessments.createAssessment(db, { municipalityId: m.id, name: 'Check', catalogueId: catalogue!.id, createdBy: coordinator.id });
	await setAssignments(db, assessment, [
		{ area: 1, userId: first },
		{ area: 1, userId: second }
	]);
});
afterEach(async () => {
	await db.destroy();
});

describe('question history (finding 6)', () => {
	it("shows an editor only their own answers' history, matched by user id, not by display name", async () => {
		await saveAnswers(db, assessment, { userId: first, role: 'editor' }, [
			{ questionId: '1.01', value: '2', comment: 'Vertraulicher Kommentar A', evidence: 'Akte A' }
		]);
		await saveAnswers(db, assessment, { userId: second, role: 'editor' }, [
			{ questionId: '1.01', value: '1', comment: 'Kommentar B', evidence: '' }
		]);

		const forSecond = await questionnaire.listHistory(db, assessment.id, '1.01', second);
		expect(forSecond).toHaveLength(1);
		expect(forSecond.every((e) => e.raterId === second)).toBe(true);
		expect(JSON.stringify(forSecond)).not.toContain('Vertraulicher Kommentar A');
		expect(JSON.stringify(forSecond)).not.toContain('Akte A');

		const forFirst = await questionnaire.listHistory(db, assessment.id, '1.01', first);
		expect(forFirst.map((e) => e.newComment)).toEqual(['Vertraulicher Kommentar A']);

		// The coordinator's view keeps everything.
		expect((await questionnaire.listHistory(db, assessment.id, '1.01')).filter((e) => e.kind === 'answer')).toHaveLength(2);
	});
});
