import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as users from '../db/users';
import * as questionnaire from '../db/questionnaire';
import { catalogueOf } from '../catalogues/versions';

/**
 * The demo's earlier round, "Selbstcheck 2024", so a newcomer sees the progress view at once: closed,
 * on the same catalogue, without a workshop (the demo keeps its one workshop). Mostly weaker than
 * 2026 (areas 1 and 7 climb to level 1), but area 4 was better then — progress is not a given.
 */
const PATTERNS_2024: Record<number, string[]> = {
	1: ['2', '1', '1', '2', '0', '1', '2', '1'],
	2: ['1', '0', '1', '2', '0', '1', '0', '1'],
	3: ['1', '1', '0', '1', '1', '0', 'unknown', '1', '0'],
	4: ['2', '3', '2', '3', '2', '2'],
	5: ['0', '0', '1', '0', '1', '0', '0'],
	6: ['1', '2', '1', '1', '2', '1'],
	7: ['2', '1', '2', '1', '2', '2', '1']
};

/** One rater per area in 2024, so every answer counts at once (agreed automatically). */
const ASSIGNMENTS_2024: Record<string, number[]> = {
	'integration@musterstadt.example': [1, 2, 3, 5, 6, 7],
	'wirtschaft@musterstadt.example': [4]
};

/**
 * Adds the closed round "Selbstcheck 2024" before the demo's "Selbstcheck 2026" and links them. One
 * transaction with the answers written directly (each the only rater's, so agreed automatically):
 * the demo starts fast also on a slow disk.
 */
export async function seedDemoPreviousRound(db: Db, municipalityId: number, coordinatorId: number): Promise<void> {
	const current = await assessments.findAssessmentByName(db, municipalityId, 'Selbstcheck 2026');
	if (!current) throw new Error('Demo seed: "Selbstcheck 2026" must exist before its previous round');
	const catalogue = await catalogueOf(db, current);
	const staff = await users.listStaff(db, municipalityId);
	const idOf = (email: string) => staff.find((s) => s.email === email)!.id;
	await db.transaction().execute(async (trx) => {
		const round = await assessments.createAssessment(trx, {
			municipalityId,
			name: 'Selbstcheck 2024',
			catalogueId: current.catalogue_id,
			createdBy: coordinatorId
		});
		// Created after 2026 (so the demo's own ids stay as they are), dated to its year.
		await assessments.backdate(trx, round.id, { createdAt: '2024-09-02T08:00:00.000Z' });
		const assignments = Object.entries(ASSIGNMENTS_2024).flatMap(([email, areas]) => areas.map((area) => ({ area, userId: idOf(email) })));
		await questionnaire.replaceAssignments(trx, round.id, assignments);
		for (const { area: number, userId } of assignments) {
			const area = catalogue.areas.find((a) => a.number === number)!;
			const pattern = PATTERNS_2024[number]!;
			for (const [i, question] of area.questions.entries()) {
				const value = pattern[i % pattern.length]!;
				await questionnaire.upsertAnswer(trx, { assessment_id: round.id, question_id: question.id, user_id: userId, value, comment: '', evidence: '' });
				await questionnaire.addHistory(trx, { assessmentId: round.id, questionId: question.id, kind: 'answer', actorId: userId, raterId: userId, new: { value } });
				await questionnaire.putAgreed(trx, { assessmentId: round.id, questionId: question.id, value, reason: '', automatic: true, setBy: null }, undefined);
			}
		}
		await questionnaire.setStatus(trx, round.id, 'closed', coordinatorId);
		await assessments.backdate(trx, round.id, { closedAt: '2024-11-20T15:00:00.000Z' });
		await assessments.setPrevious(trx, current.id, round.id);
	});
}
