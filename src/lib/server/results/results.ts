import type { Catalogue } from '$lib/schemas/catalogue';
import { adviseAssessment, type AreaAdvice } from '$lib/domain/advice';
import { agreementStatus } from '$lib/domain/agreement';
import { scoreAssessment, type AreaScore } from '$lib/domain/scoring';
import type { Db } from '../db';
import * as questionnaire from '../db/questionnaire';
import type { Assessment } from '../db/schema';
import { type OpenItems } from '../questionnaire/questionnaire';
import { catalogueOf } from '../catalogues/versions';

export interface AdminResult {
	catalogue: Catalogue;
	areas: AreaScore[];
	/** Per area in official order: the weakest agreed answers with their suggestions, and what to clarify. */
	advice: AreaAdvice[];
	/** Questions whose raters differ and that have no agreed answer yet: they do not count. */
	openDisagreements: number;
}

/** The administration's view: every area scored from the agreed answers only. */
export async function adminResult(db: Db, assessment: Assessment): Promise<AdminResult> {
	const catalogue = await catalogueOf(db, assessment);
	const [agreed, answers] = await Promise.all([
		questionnaire.listAgreed(db, assessment.id),
		questionnaire.listAnswers(db, assessment.id)
	]);
	const agreedMap = new Map(agreed.map((a) => [a.question_id, a.value]));
	const agreedById = new Map(agreed.map((a) => [a.question_id, a]));
	const byQuestion = new Map<string, typeof answers>();
	for (const answer of answers) byQuestion.set(answer.question_id, [...(byQuestion.get(answer.question_id) ?? []), answer]);
	let openDisagreements = 0;
	for (const [questionId, raters] of byQuestion) {
		const current = agreedById.get(questionId);
		const status = agreementStatus(
			raters.map((r) => ({ userId: r.user_id, value: r.value })),
			current && { value: current.value, automatic: current.automatic === 1 }
		);
		if (status === 'disagreement') openDisagreements += 1;
	}
	return { catalogue, areas: scoreAssessment(catalogue, agreedMap), advice: adviseAssessment(catalogue, agreedMap), openDisagreements };
}

/** What closing now would leave open; null when nothing is. */
export function openItemsOf(result: AdminResult): OpenItems | null {
	const notAssessable = result.areas.filter((a) => !a.assessable).map((a) => a.area);
	return result.openDisagreements === 0 && notAssessable.length === 0 ? null : { openDisagreements: result.openDisagreements, notAssessable };
}
