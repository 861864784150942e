import type { Db } from './index';
import type { AgreedAnswer, Answer, AssessmentStatus, HistoryKind } from './schema';
import { now } from '../platform/clock';

/** The areas each staff member is assigned to answer in an assessment. */
export async function listAssignments(db: Db, assessmentId: number): Promise<{ area: number; userId: number }[]> {
	return db
		.selectFrom('area_assignment')
		.select(['area', 'user_id as userId'])
		.where('assessment_id', '=', assessmentId)
		.orderBy('area')
		.execute();
}

export async function isAssigned(db: Db, assessmentId: number, area: number, userId: number): Promise<boolean> {
	const row = await db
		.selectFrom('area_assignment')
		.select('user_id')
		.where('assessment_id', '=', assessmentId)
		.where('area', '=', area)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row !== undefined;
}

/** Replaces all assignments of the assessment (call inside a transaction). */
export async function replaceAssignments(
	db: Db,
	assessmentId: number,
	assignments: { area: number; userId: number }[]
): Promise<void> {
	await db.deleteFrom('area_assignment').where('assessment_id', '=', assessmentId).execute();
	if (assignments.length === 0) return;
	await db
		.insertInto('area_assignment')
		.values(assignments.map((a) => ({ assessment_id: assessmentId, area: a.area, user_id: a.userId })))
		.execute();
}

export async function listAnswers(db: Db, assessmentId: number): Promise<Answer[]> {
	return db.selectFrom('answer').selectAll().where('assessment_id', '=', assessmentId).execute();
}

export async function listAnswersFor(db: Db, assessmentId: number, questionId: string): Promise<Answer[]> {
	return db
		.selectFrom('answer')
		.selectAll()
		.where('assessment_id', '=', assessmentId)
		.where('question_id', '=', questionId)
		.execute();
}

export async function findAnswer(db: Db, assessmentId: number, questionId: string, userId: number): Promise<Answer | undefined> {
	return db
		.selectFrom('answer')
		.selectAll()
		.where('assessment_id', '=', assessmentId)
		.where('question_id', '=', questionId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
}

export async function upsertAnswer(db: Db, answer: Omit<Answer, 'updated_at'>): Promise<void> {
	const updated_at = now();
	await db
		.insertInto('answer')
		.values({ ...answer, updated_at })
		.onConflict((oc) =>
			oc.columns(['assessment_id', 'question_id', 'user_id']).doUpdateSet({
				value: answer.value,
				comment: answer.comment,
				evidence: answer.evidence,
				updated_at
			})
		)
		.execute();
}

export async function listAgreed(db: Db, assessmentId: number): Promise<AgreedAnswer[]> {
	return db.selectFrom('agreed_answer').selectAll().where('assessment_id', '=', assessmentId).execute();
}

export async function findAgreed(db: Db, assessmentId: number, questionId: string): Promise<AgreedAnswer | undefined> {
	return db
		.selectFrom('agreed_answer')
		.selectAll()
		.where('assessment_id', '=', assessmentId)
		.where('question_id', '=', questionId)
		.executeTakeFirst();
}

/** Writes the agreed answer with the next version number. */
export async function putAgreed(
	db: Db,
	values: { assessmentId: number; questionId: string; value: string; reason: string; automatic: boolean; setBy: number | null },
	previous: AgreedAnswer | undefined
): Promise<void> {
	const row = {
		value: values.value,
		reason: values.reason,
		automatic: values.automatic ? 1 : 0,
		version: (previous?.version ?? 0) + 1,
		set_by: values.setBy,
		set_at: now()
	};
	if (previous) {
		await db
			.updateTable('agreed_answer')
			.set(row)
			.where('assessment_id', '=', values.assessmentId)
			.where('question_id', '=', values.questionId)
			.execute();
	} else {
		await db
			.insertInto('agreed_answer')
			.values({ assessment_id: values.assessmentId, question_id: values.questionId, ...row })
			.execute();
	}
}

export async function deleteAgreed(db: Db, assessmentId: number, questionId: string): Promise<void> {
	await db
		.deleteFrom('agreed_answer')
		.where('assessment_id', '=', assessmentId)
		.where('question_id', '=', questionId)
		.execute();
}

export interface HistoryValues {
	assessmentId: number;
	questionId: string | null;
	kind: HistoryKind;
	actorId: number | null;
	raterId?: number | null;
	old?: { value?: string | null; comment?: string | null; evidence?: string | null; reason?: string | null };
	new?: { value?: string | null; comment?: string | null; evidence?: string | null; reason?: string | null };
}

export async function addHistory(db: Db, entry: HistoryValues): Promise<void> {
	await db
		.insertInto('answer_history')
		.values({
			assessment_id: entry.assessmentId,
			question_id: entry.questionId,
			kind: entry.kind,
			actor_id: entry.actorId,
			rater_id: entry.raterId ?? null,
			old_value: entry.old?.value ?? null,
			new_value: entry.new?.value ?? null,
			old_comment: entry.old?.comment ?? null,
			new_comment: entry.new?.comment ?? null,
			old_evidence: entry.old?.evidence ?? null,
			new_evidence: entry.new?.evidence ?? null,
			old_reason: entry.old?.reason ?? null,
			new_reason: entry.new?.reason ?? null,
			created_at: now()
		})
		.execute();
}

export interface HistoryRow {
	id: number;
	kind: HistoryKind;
	questionId: string | null;
	actorName: string | null;
	/** Whose answer changed (kind 'answer'); compare people by this id, never by their display name. */
	raterId: number | null;
	raterName: string | null;
	oldValue: string | null;
	newValue: string | null;
	oldComment: string | null;
	newComment: string | null;
	oldEvidence: string | null;
	newEvidence: string | null;
	oldReason: string | null;
	newReason: string | null;
	createdAt: string;
}

/**
 * The history of one question (or, with questionId null, the assessment's status changes), newest
 * first. With `onlyRaterId`, only the changes of that person's own answers (an editor's view).
 */
export async function listHistory(
	db: Db,
	assessmentId: number,
	questionId: string | null,
	onlyRaterId?: number
): Promise<HistoryRow[]> {
	let query = db
		.selectFrom('answer_history as h')
		.leftJoin('user as actor', 'actor.id', 'h.actor_id')
		.leftJoin('user as rater', 'rater.id', 'h.rater_id')
		.select([
			'h.id',
			'h.kind',
			'h.question_id as questionId',
			'actor.name as actorName',
			'h.rater_id as raterId',
			'rater.name as raterName',
			'h.old_value as oldValue',
			'h.new_value as newValue',
			'h.old_comment as oldComment',
			'h.new_comment as newComment',
			'h.old_evidence as oldEvidence',
			'h.new_evidence as newEvidence',
			'h.old_reason as oldReason',
			'h.new_reason as newReason',
			'h.created_at as createdAt'
		])
		.where('h.assessment_id', '=', assessmentId);
	query = questionId === null ? query.where('h.question_id', 'is', null) : query.where('h.question_id', '=', questionId);
	if (onlyRaterId !== undefined) query = query.where('h.kind', '=', 'answer').where('h.rater_id', '=', onlyRaterId);
	return query.orderBy('h.id', 'desc').execute();
}

/**
 * Opens or closes; the history entry keeps the reason given and, as JSON in `new_value`, what
 * was still open when a coordinator closed anyway (see `OpenItems`).
 */
export async function setStatus(
	db: Db,
	assessmentId: number,
	status: AssessmentStatus,
	actorId: number,
	note: { reason: string | null; openItems: string | null } = { reason: null, openItems: null }
): Promise<void> {
	await db
		.updateTable('assessment')
		.set(status === 'closed' ? { status, closed_at: now(), closed_by: actorId } : { status, closed_at: null, closed_by: null })
		.where('id', '=', assessmentId)
		.execute();
	await addHistory(db, {
		assessmentId,
		questionId: null,
		kind: status === 'closed' ? 'closed' : 'reopened',
		actorId,
		new: note.reason === null && note.openItems === null ? undefined : { value: note.openItems, reason: note.reason }
	});
}

/**
 * Seeds only: writes a round's agreed answers in one statement, each automatic and in its first
 * version, without history (a seeded round has no raters).
 */
export async function insertAgreedAnswers(db: Db, assessmentId: number, answers: readonly (readonly [questionId: string, value: string])[], at: string): Promise<void> {
	if (answers.length === 0) return;
	await db
		.insertInto('agreed_answer')
		.values(
			answers.map(([questionId, value]) => ({
				assessment_id: assessmentId,
				question_id: questionId,
				value,
				reason: '',
				automatic: 1,
				version: 1,
				set_by: null,
				set_at: at
			}))
		)
		.execute();
}
