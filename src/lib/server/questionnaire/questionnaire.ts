import type { Catalogue, CatalogueArea, CatalogueQuestion } from '$lib/schemas/catalogue';
import { needsReason, nextAutomaticAgreement } from '$lib/domain/agreement';
import { areaProgress } from '$lib/domain/progress';
import type { Db } from '../db';
import { catalogueOf } from '../catalogues/versions';
import * as assessments from '../db/assessments';
import * as questionnaire from '../db/questionnaire';
import * as users from '../db/users';
import { lockAssessment } from '../db/locks';
import type { AgreedAnswer, Answer, Assessment, Role } from '../db/schema';
import type { HistoryRow } from '../db/questionnaire';
import { Refusal } from '../http/refusal';
import { recordAreaFigures } from '../results/comparison';

export { Refusal };

export function findQuestion(catalogue: Catalogue, questionId: string): { area: CatalogueArea; question: CatalogueQuestion } | undefined {
	for (const area of catalogue.areas) {
		const question = area.questions.find((q) => q.id === questionId);
		if (question) return { area, question };
	}
	return undefined;
}

function isScaleValue(catalogue: Catalogue, value: string): boolean {
	return catalogue.scale.some((step) => step.value === value);
}

/**
 * Refuses unless the questionnaire is open. Inside a transaction it also locks the assessment, so
 * the questionnaire's changes run one at a time on PostgreSQL too: an automatic agreement sees
 * every rater's committed answer, a version check cannot pass twice, and nothing is saved into a
 * questionnaire that is being closed.
 */
async function requireOpen(db: Db, assessmentId: number): Promise<void> {
	await lockAssessment(db, assessmentId);
	if ((await assessments.statusOf(db, assessmentId)) !== 'open') throw new Refusal('closed', 409);
}

export interface AnswerInput {
	questionId: string;
	value: string | null;
	comment: string;
	evidence: string;
}

/**
 * Saves one staff member's answers in one transaction: every answer is checked first (open
 * assessment, question in the pinned catalogue, value on its scale, area assigned unless
 * coordinator), so a refused batch writes nothing. Unchanged answers write no history.
 * Returns how many answers changed.
 */
export async function saveAnswers(
	db: Db,
	assessment: Assessment,
	actor: { userId: number; role: Role },
	inputs: AnswerInput[]
): Promise<number> {
	const catalogue = await catalogueOf(db, assessment);
	return db.transaction().execute(async (trx) => {
		await requireOpen(trx, assessment.id);
		const assigned = new Set(
			(await questionnaire.listAssignments(trx, assessment.id)).filter((a) => a.userId === actor.userId).map((a) => a.area)
		);
		for (const input of inputs) {
			const found = findQuestion(catalogue, input.questionId);
			if (!found) throw new Refusal('unknownQuestion', 422);
			if (input.value !== null && !isScaleValue(catalogue, input.value)) throw new Refusal('invalidValue', 422);
			if (actor.role !== 'coordinator' && !assigned.has(found.area.number)) throw new Refusal('notAssigned', 403);
			if (actor.role === 'facilitator') throw new Refusal('notAssigned', 403);
		}

		let changed = 0;
		for (const input of inputs) {
			const previous = await questionnaire.findAnswer(trx, assessment.id, input.questionId, actor.userId);
			const before = { value: previous?.value ?? null, comment: previous?.comment ?? '', evidence: previous?.evidence ?? '' };
			const after = { value: input.value, comment: input.comment, evidence: input.evidence };
			if (before.value === after.value && before.comment === after.comment && before.evidence === after.evidence) continue;
			changed += 1;
			await questionnaire.upsertAnswer(trx, {
				assessment_id: assessment.id,
				question_id: input.questionId,
				user_id: actor.userId,
				...after
			});
			await questionnaire.addHistory(trx, {
				assessmentId: assessment.id,
				questionId: input.questionId,
				kind: 'answer',
				actorId: actor.userId,
				raterId: actor.userId,
				old: before,
				new: after
			});
			if (before.value !== after.value) await updateAutomaticAgreement(trx, assessment.id, input.questionId, actor.userId);
		}
		return changed;
	});
}

/** Keeps the automatic agreed answer in step with the raters' answers; a manual one is never touched. */
async function updateAutomaticAgreement(db: Db, assessmentId: number, questionId: string, actorId: number): Promise<void> {
	const answers = await questionnaire.listAnswersFor(db, assessmentId, questionId);
	const current = await questionnaire.findAgreed(db, assessmentId, questionId);
	const next = nextAutomaticAgreement(
		answers.map((a) => ({ userId: a.user_id, value: a.value })),
		current && { value: current.value, automatic: current.automatic === 1 }
	);
	if (next.action === 'keep') return;
	if (next.action === 'set') {
		await questionnaire.putAgreed(db, { assessmentId, questionId, value: next.value, reason: '', automatic: true, setBy: null }, current);
	} else {
		await questionnaire.deleteAgreed(db, assessmentId, questionId);
	}
	await questionnaire.addHistory(db, {
		assessmentId,
		questionId,
		kind: 'agreed',
		actorId,
		old: { value: current?.value ?? null },
		new: { value: next.action === 'set' ? next.value : null, reason: null }
	});
}

export type AgreedResult = { status: 'saved' } | { status: 'conflict'; current: AgreedAnswer | undefined };

/**
 * The coordinator sets the agreed answer. `expectedVersion` is the version the coordinator saw
 * (0 for none): if someone changed it since, nothing is written and the current one is returned.
 */
export async function setAgreedAnswer(
	db: Db,
	assessment: Assessment,
	actorId: number,
	input: { questionId: string; value: string; reason: string; expectedVersion: number }
): Promise<AgreedResult> {
	const catalogue = await catalogueOf(db, assessment);
	if (!findQuestion(catalogue, input.questionId)) throw new Refusal('unknownQuestion', 422);
	if (!isScaleValue(catalogue, input.value)) throw new Refusal('invalidValue', 422);
	return db.transaction().execute(async (trx) => {
		await requireOpen(trx, assessment.id);
		const current = await questionnaire.findAgreed(trx, assessment.id, input.questionId);
		if ((current?.version ?? 0) !== input.expectedVersion) return { status: 'conflict', current } as const;
		const answers = await questionnaire.listAnswersFor(trx, assessment.id, input.questionId);
		const raters = answers.map((a) => ({ userId: a.user_id, value: a.value }));
		if (needsReason(raters, input.value) && input.reason.trim() === '') throw new Refusal('reasonRequired', 422);
		await questionnaire.putAgreed(
			trx,
			{ assessmentId: assessment.id, questionId: input.questionId, value: input.value, reason: input.reason.trim(), automatic: false, setBy: actorId },
			current
		);
		await questionnaire.addHistory(trx, {
			assessmentId: assessment.id,
			questionId: input.questionId,
			kind: 'agreed',
			actorId,
			old: { value: current?.value ?? null, reason: current?.reason ?? null },
			new: { value: input.value, reason: input.reason.trim() }
		});
		return { status: 'saved' } as const;
	});
}

/** Replaces who answers which area; only active editors and coordinators of the municipality qualify. */
export async function setAssignments(
	db: Db,
	assessment: Assessment,
	assignments: { area: number; userId: number }[]
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const eligible = new Set(await users.listAnswererIds(trx, assessment.municipality_id));
		for (const a of assignments) {
			if (!Number.isInteger(a.area) || a.area < 1 || a.area > 7) throw new Refusal('invalidArea', 422);
			if (!eligible.has(a.userId)) throw new Refusal('unknownStaff', 422);
		}
		await questionnaire.replaceAssignments(trx, assessment.id, assignments);
	});
}

/**
 * Closes (answers read-only, result fixed) or reopens the questionnaire; both are recorded, a
 * closing with the reason given and what was still open (JSON of `OpenItems`, null if nothing).
 */
export async function setStatus(
	db: Db,
	assessment: Assessment,
	status: 'open' | 'closed',
	actorId: number,
	closing: { reason: string; openItems: OpenItems | null } = { reason: '', openItems: null }
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await lockAssessment(trx, assessment.id);
		if ((await assessments.statusOf(trx, assessment.id)) === status) throw new Refusal(status === 'closed' ? 'closed' : 'notClosed', 409);
		await questionnaire.setStatus(trx, assessment.id, status, actorId, {
			reason: closing.reason === '' ? null : closing.reason,
			openItems: closing.openItems ? JSON.stringify(closing.openItems) : null
		});
		await recordAreaFigures(trx, assessment, status);
	});
}

/** What is still open when a questionnaire is closed: questions without agreement, areas without a level. */
export interface OpenItems {
	openDisagreements: number;
	/** Area numbers that are "nicht bewertbar". */
	notAssessable: number[];
}

/** Reads the `OpenItems` a closing recorded; null for none or a value this version does not know. */
export function parseOpenItems(value: string | null): OpenItems | null {
	if (!value) return null;
	try {
		const parsed = JSON.parse(value) as Partial<OpenItems>;
		if (typeof parsed.openDisagreements !== 'number' || !Array.isArray(parsed.notAssessable)) return null;
		return { openDisagreements: parsed.openDisagreements, notAssessable: parsed.notAssessable.filter((n) => typeof n === 'number') };
	} catch {
		return null;
	}
}

/** One area assigned to a person in an open questionnaire, with what they still have to answer. */
export interface MyArea {
	assessmentId: number;
	assessmentName: string;
	area: number;
	name: Catalogue['areas'][number]['name'];
	total: number;
	answered: number;
}

/**
 * The areas assigned to `userId` in the municipality's open questionnaires, in assessment and
 * area order, with their own progress: what an editor sees first ("Meine Handlungsfelder").
 */
export async function listMyAreas(db: Db, municipalityId: number, userId: number): Promise<MyArea[]> {
	const open = await assessments.listOpenAssessments(db, municipalityId);
	const mine: MyArea[] = [];
	for (const assessment of open) {
		const areas = (await questionnaire.listAssignments(db, assessment.id)).filter((a) => a.userId === userId).map((a) => a.area);
		if (areas.length === 0) continue;
		const catalogue = await catalogueOf(db, assessment);
		const answers = (await questionnaire.listAnswers(db, assessment.id)).filter((a) => a.user_id === userId);
		const progress = areaProgress(
			catalogue,
			answers.map((a) => ({ questionId: a.question_id, userId: a.user_id, value: a.value })),
			userId
		);
		for (const p of progress) {
			if (!areas.includes(p.area)) continue;
			const area = catalogue.areas.find((a) => a.number === p.area)!;
			mine.push({ assessmentId: assessment.id, assessmentName: assessment.name, area: p.area, name: area.name, total: p.total, answered: p.answered });
		}
	}
	return mine;
}

/** Every rater's stored answers of the assessment. */
export async function listAnswers(db: Db, assessmentId: number): Promise<Answer[]> {
	return questionnaire.listAnswers(db, assessmentId);
}

/** The agreed answers of the assessment. */
export async function listAgreed(db: Db, assessmentId: number): Promise<AgreedAnswer[]> {
	return questionnaire.listAgreed(db, assessmentId);
}

/** Who answers which area. */
export async function listAssignments(db: Db, assessmentId: number): Promise<{ area: number; userId: number }[]> {
	return questionnaire.listAssignments(db, assessmentId);
}

/** Whether the person is assigned to answer the area. */
export async function isAssigned(db: Db, assessmentId: number, area: number, userId: number): Promise<boolean> {
	return questionnaire.isAssigned(db, assessmentId, area, userId);
}

/**
 * The history of one question (questionId null: the assessment's closings and reopenings), newest
 * first; with `onlyRaterId` only the changes of that person's own answers (an editor's view).
 */
export async function listHistory(db: Db, assessmentId: number, questionId: string | null, onlyRaterId?: number): Promise<HistoryRow[]> {
	return questionnaire.listHistory(db, assessmentId, questionId, onlyRaterId);
}
