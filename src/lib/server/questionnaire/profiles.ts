import type { Catalogue } from '$lib/schemas/catalogue';
import { notApplicableQuestions } from '$lib/domain/catalogue-edit';
import type { Db } from '../db';
import * as questionnaire from '../db/questionnaire';

/**
 * Sets "trifft nicht zu" as the agreed answer of every question the catalogue marks as not
 * applicable for the assessment's profile, as the coordinator's decision (so raters' answers do
 * not replace it; the coordinator can change it on the agreement page), with a history entry.
 * Run it in the transaction that creates the assessment. Returns the number of questions set.
 */
export async function presetNotApplicable(
	db: Db,
	values: { assessmentId: number; catalogue: Catalogue; profile: string | null; reason: string; actorId: number | null }
): Promise<number> {
	const step = values.catalogue.scale.find((s) => s.kind === 'notApplicable');
	if (!step) return 0;
	const ids = notApplicableQuestions(values.catalogue, values.profile);
	for (const questionId of ids) {
		await questionnaire.putAgreed(
			db,
			{ assessmentId: values.assessmentId, questionId, value: step.value, reason: values.reason, automatic: false, setBy: values.actorId },
			undefined
		);
		await questionnaire.addHistory(db, {
			assessmentId: values.assessmentId,
			questionId,
			kind: 'agreed',
			actorId: values.actorId,
			new: { value: step.value, reason: values.reason }
		});
	}
	return ids.length;
}
