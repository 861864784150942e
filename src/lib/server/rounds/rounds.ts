import type { Catalogue } from '$lib/schemas/catalogue';
import { carryReferences, chainMap, type Reference } from '$lib/domain/question-map';
import { chainOf } from '$lib/domain/rounds';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as catalogues from '../db/catalogues';
import * as questionnaire from '../db/questionnaire';
import type { Assessment } from '../db/schema';
import * as users from '../db/users';
import { editionsBetween } from '../catalogues/editions';
import { presetNotApplicable } from '../questionnaire/profiles';
import { catalogueOf, parsedCatalogue } from '../catalogues/versions';
import { Refusal } from '../http/refusal';

/**
 * The catalogue versions a round following `previous` may use: its own version or a later edition
 * of the same catalogue (one whose declared `previous` chain leads back to it), never an older one.
 */
export async function roundCatalogues(db: Db, previous: Assessment): Promise<catalogues.CatalogueSummary[]> {
	const older = await catalogueOf(db, previous);
	const candidates = (await catalogues.listCatalogues(db, previous.municipality_id)).filter((c) => c.key === older.id);
	const usable: catalogues.CatalogueSummary[] = [];
	for (const candidate of candidates) {
		const row = await catalogues.findCatalogue(db, previous.municipality_id, candidate.id);
		if (row && (await editionsBetween(db, previous.municipality_id, older, parsedCatalogue(row)))) usable.push(candidate);
	}
	return usable;
}

/**
 * A first round: a new assessment on a catalogue the municipality may use, with the questions its
 * profile marks "trifft nicht zu" preset (`reason` is their history text). Refused for an unknown
 * catalogue ('catalogue') and a name the municipality already uses ('assessmentExists').
 */
export async function startAssessment(
	db: Db,
	input: { municipalityId: number; name: string; catalogueId: number; profile: string | null; userId: number; reason: string }
): Promise<Assessment> {
	const row = await catalogues.findCatalogue(db, input.municipalityId, input.catalogueId);
	if (!row) throw new Refusal('catalogue', 422);
	return db.transaction().execute(async (trx) => {
		if (await assessments.findAssessmentByName(trx, input.municipalityId, input.name)) throw new Refusal('assessmentExists', 409);
		const assessment = await assessments.createAssessment(trx, {
			municipalityId: input.municipalityId,
			name: input.name,
			catalogueId: row.id,
			createdBy: input.userId,
			profile: input.profile
		});
		const catalogue = parsedCatalogue(row);
		await presetNotApplicable(trx, { assessmentId: assessment.id, catalogue, profile: input.profile, reason: input.reason, actorId: input.userId });
		return assessment;
	});
}

/** The municipality's assessments (rounds), newest first, with their catalogue. */
export async function listAssessments(db: Db, municipalityId: number): Promise<assessments.AssessmentSummary[]> {
	return assessments.listAssessments(db, municipalityId);
}

/** Every assessment of the municipalities in which the person has an active membership, with their role. */
export async function listVisibleAssessments(db: Db, userId: number) {
	return assessments.listVisibleAssessments(db, userId);
}

/** A round of the municipality; undefined for another's or an unknown id. */
export async function findRound(db: Db, municipalityId: number, id: number): Promise<Assessment | undefined> {
	return assessments.findAssessment(db, municipalityId, id);
}

/** The municipality an assessment belongs to, for a caller that checks its membership there next. */
export async function municipalityOfRound(db: Db, id: number): Promise<number | undefined> {
	return (await assessments.findAssessmentById(db, id))?.municipality_id;
}

/** The round a new one follows, if it belongs to the municipality; a Refusal otherwise (also for another's id). */
export async function requirePrevious(db: Db, municipalityId: number, previousId: number): Promise<Assessment> {
	const previous = await assessments.findAssessment(db, municipalityId, previousId);
	if (!previous) throw new Refusal('previousNotFound', 404);
	return previous;
}

/**
 * "Neue Runde starten": a new assessment of the same municipality that follows `previous`, on the
 * same or a newer edition of its catalogue (checked here, whatever the form offered), with the same
 * profile and area assignments (of people still active as editors or coordinators). No answer is
 * carried over: last round's agreed answers are shown beside the questions as references only.
 * `reason` is the history text for questions the profile marks "trifft nicht zu".
 */
export async function startRound(
	db: Db,
	previous: Assessment,
	input: { name: string; catalogueId: number; userId: number; reason: string }
): Promise<Assessment> {
	const row = await catalogues.findCatalogue(db, previous.municipality_id, input.catalogueId);
	if (!row) throw new Refusal('catalogue', 422);
	const newer = parsedCatalogue(row);
	const older = await catalogueOf(db, previous);
	if (!(await editionsBetween(db, previous.municipality_id, older, newer))) throw new Refusal('catalogueOlder', 422);
	return db.transaction().execute(async (trx) => {
		if (await assessments.findAssessmentByName(trx, previous.municipality_id, input.name)) throw new Refusal('assessmentExists', 409);
		const assessment = await assessments.createAssessment(trx, {
			municipalityId: previous.municipality_id,
			name: input.name,
			catalogueId: row.id,
			createdBy: input.userId,
			profile: previous.profile,
			previousAssessmentId: previous.id
		});
		const eligible = new Set(await users.listAnswererIds(trx, previous.municipality_id));
		const assignments = (await questionnaire.listAssignments(trx, previous.id)).filter((a) => eligible.has(a.userId));
		await questionnaire.replaceAssignments(trx, assessment.id, assignments);
		await presetNotApplicable(trx, { assessmentId: assessment.id, catalogue: newer, profile: previous.profile, reason: input.reason, actorId: input.userId });
		return assessment;
	});
}

/** The rounds that lead to `assessment`, oldest first, ending with it. */
export async function roundsUpTo(db: Db, assessment: Assessment): Promise<Assessment[]> {
	const all = await assessments.listRounds(db, assessment.municipality_id);
	return chainOf(
		all.map((a) => ({ ...a, previousId: a.previous_assessment_id })),
		assessment.id
	);
}

/** The question map from an older round's catalogue to a newer round's (identity for the same version). */
export async function mapBetween(db: Db, older: Assessment, newer: Assessment) {
	const [from, to] = await Promise.all([catalogueOf(db, older), catalogueOf(db, newer)]);
	// Rounds start only on the same or a newer edition; two rounds linked otherwise (by SQL, or
	// compared the other way round) still map the question ids both catalogues have.
	const path = (await editionsBetween(db, newer.municipality_id, from, to)) ?? (from.version === to.version ? [from] : [from, { ...to, previous: undefined }]);
	return { older: from, newer: to, map: chainMap(path) };
}

export type AgreedMap = Map<string, string>;

export async function agreedOf(db: Db, assessment: Assessment): Promise<AgreedMap> {
	return new Map((await questionnaire.listAgreed(db, assessment.id)).map((a) => [a.question_id, a.value]));
}

/** Last round's agreed answer beside a question of this round, with its label and points. */
export interface ReferenceView extends Reference {
	label: Catalogue['scale'][number]['label'] | null;
	points: number | null;
	/** The old scale's best points, to read `points` against ("2 von 3 Punkten"). */
	maxPoints: number;
}

/**
 * The previous round's agreed answers as references for this round's questions (new question id →
 * references), or null when this round follows none.
 */
export async function lastRoundReferences(
	db: Db,
	assessment: Assessment
): Promise<{ round: { id: number; name: string }; references: Record<string, ReferenceView[]> } | null> {
	if (assessment.previous_assessment_id === null) return null;
	const previous = await assessments.findAssessment(db, assessment.municipality_id, assessment.previous_assessment_id);
	if (!previous) return null;
	const { older, map } = await mapBetween(db, previous, assessment);
	const { references } = carryReferences(map, await agreedOf(db, previous));
	const maxPoints = Math.max(...older.scale.map((s) => s.points ?? 0));
	const view: Record<string, ReferenceView[]> = {};
	for (const [questionId, refs] of references) {
		view[questionId] = refs.map((r) => {
			const step = older.scale.find((s) => s.value === r.value);
			return { ...r, label: step?.label ?? null, points: step?.points ?? null, maxPoints };
		});
	}
	return { round: { id: previous.id, name: previous.name }, references: view };
}
