import { FLAG_MIN_DEVICES, rankDisagreements, rankFlags } from '$lib/domain/plenary-items';
import type { Language } from '$lib/i18n/staff';
import { textIn } from '$lib/schemas/catalogue';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as groupStore from '../db/group-phase';
import * as questionnaire from '../db/questionnaire';
import type { WorkshopRow } from '../db/schema';
import { catalogueOf } from '../catalogues/versions';

/**
 * The item-level view for the plenary, per area of the workshop: the questions where the editors
 * disagreed most (their stored answers, which the agreement leaves as they were) and the questions
 * the small groups marked "sehe ich anders" most (device counts from FLAG_MIN_DEVICES on, never a
 * reason). Each with its text in the presenter's language and the agreed answer beside it.
 * `flags` is null for a workshop whose group phase never started.
 */
export async function plenaryItems(db: Db, workshop: WorkshopRow, lang: Language) {
	const assessment = await assessments.getAssessment(db, workshop.assessment_id);
	const catalogue = await catalogueOf(db, assessment);
	const [answers, agreed, phase, tally] = await Promise.all([
		questionnaire.listAnswers(db, assessment.id),
		questionnaire.listAgreed(db, assessment.id),
		groupStore.findPhase(db, workshop.id),
		groupStore.flagTally(db, workshop.id)
	]);
	const valuesOf = new Map<string, (string | null)[]>();
	for (const answer of answers) valuesOf.set(answer.question_id, [...(valuesOf.get(answer.question_id) ?? []), answer.value]);
	const agreedOf = new Map(agreed.map((a) => [a.question_id, a.value]));
	const scale = catalogue.scale.map((s) => ({ value: s.value, points: s.points }));
	const label = (value: string | undefined) => {
		const step = value === undefined ? undefined : catalogue.scale.find((s) => s.value === value);
		return step ? textIn(step.label, lang) : null;
	};
	return {
		minDevices: FLAG_MIN_DEVICES,
		areas: (JSON.parse(workshop.areas) as number[]).map((number) => {
			const area = catalogue.areas.find((a) => a.number === number)!;
			const question = (id: string) => {
				const q = area.questions.find((candidate) => candidate.id === id)!;
				return { id, text: textIn(q.text, lang), agreed: label(agreedOf.get(id)) };
			};
			const disagreements = rankDisagreements(
				area.questions.map((q) => ({ id: q.id, values: valuesOf.get(q.id) ?? [] })),
				scale
			).map((s) => ({ ...question(s.questionId), pointSpread: s.pointSpread, distinct: s.distinct, answered: s.answered }));
			const flags = phase
				? rankFlags(
						tally.filter((t) => t.area === number),
						area.questions.map((q) => q.id)
					).map((f) => ({ ...question(f.questionId), devices: f.devices }))
				: null;
			return { number, name: textIn(area.name, lang), disagreements, flags };
		})
	};
}
