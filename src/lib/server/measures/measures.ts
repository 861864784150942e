import { changedFields, type MeasureFields } from '$lib/domain/measures';
import { measureInputSchema, type MeasureInput, type MeasurePatch } from '$lib/schemas/measures';
import type { Catalogue } from '$lib/schemas/catalogue';
import type { Db } from '../db';
import type { Assessment, MeasureRow } from '../db/schema';
import * as store from '../db/measures';
import { now, today } from '../platform/clock';
import { catalogueOf } from '../catalogues/versions';
import { Refusal } from '../http/refusal';

/** A measure as pages, API and documents see it. */
export interface Measure extends MeasureFields {
	id: number;
	version: number;
	proposalIds: number[];
	createdAt: string;
	updatedAt: string;
}

function toMeasure(row: MeasureRow, proposalIds: number[] = []): Measure {
	return { id: row.id, version: row.version, ...store.toFields(row), proposalIds, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Every question named must exist in the catalogue and lie in one of the measure's areas. */
function checkQuestions(catalogue: Catalogue, fields: MeasureFields): void {
	for (const id of fields.questions) {
		const area = catalogue.areas.find((a) => a.questions.some((q) => q.id === id));
		if (!area || !fields.areas.includes(area.number)) throw new Refusal('unknownQuestion', 422);
	}
}

function fieldsOf(input: MeasureInput): MeasureFields {
	const { proposalIds: _ignored, ...fields } = input;
	return { ...fields, budgetAmount: fields.budgetKind === 'amount' ? fields.budgetAmount : null, questions: [...new Set(fields.questions)], areas: [...new Set(fields.areas)].sort() };
}

/**
 * Creates a measure (validated input), records its first values in the history and keeps the
 * proposals it came from; all in one transaction.
 */
export async function createMeasure(db: Db, assessment: Assessment, userId: number, input: MeasureInput): Promise<Measure> {
	const catalogue = await catalogueOf(db, assessment);
	const fields = fieldsOf(input);
	checkQuestions(catalogue, fields);
	return db.transaction().execute(async (trx) => {
		const proposals = await store.proposalsOfAssessment(trx, assessment.id, input.proposalIds);
		if (proposals.length !== new Set(input.proposalIds).size) throw new Refusal('unknownProposal', 422);
		const at = now();
		const row = await store.insertMeasure(trx, { assessmentId: assessment.id, fields, createdBy: userId, at });
		await store.insertHistory(trx, [{ measureId: row.id, field: 'created', oldValue: null, newValue: fields.title, actorId: userId, at }]);
		await store.linkProposals(trx, row.id, proposals);
		return toMeasure(row, proposals.sort((a, b) => a - b));
	});
}

/**
 * Changes a measure: the new fields must form a valid measure again; with `version`, a save that
 * started from an older version is refused (409). Each changed field is kept (who, when, old → new);
 * a `note` is stored as a status note dated today.
 */
export async function updateMeasure(db: Db, assessment: Assessment, measureId: number, userId: number, patch: MeasurePatch): Promise<Measure> {
	const catalogue = await catalogueOf(db, assessment);
	return db.transaction().execute(async (trx) => {
		const row = await store.findMeasure(trx, assessment.id, measureId);
		if (!row) throw new Refusal('notFound', 404);
		if (patch.version !== undefined && patch.version !== row.version) throw new Refusal('measureConflict', 409);
		const before = store.toFields(row);
		const { version: _v, note, ...changes } = patch;
		const parsed = measureInputSchema.safeParse({ ...before, ...changes, proposalIds: [] });
		if (!parsed.success) {
			const code = parsed.error.issues[0]?.message;
			throw new Refusal(code && /^[a-zA-Z]+$/.test(code) ? code : 'invalid', 422);
		}
		const after = fieldsOf(parsed.data);
		checkQuestions(catalogue, after);
		const at = now();
		const changed = changedFields(before, after);
		if (changed.length > 0) {
			if (!(await store.updateMeasure(trx, row.id, row.version, after, at))) throw new Refusal('measureConflict', 409);
			await store.insertHistory(trx, changed.map((c) => ({ measureId: row.id, field: c.field, oldValue: c.oldValue, newValue: c.newValue, actorId: userId, at })));
		}
		if (note && note.trim() !== '') {
			await store.insertNote(trx, { measureId: row.id, status: after.status, note: note.trim(), notedOn: today(), actorId: userId, at });
		}
		const fresh = (await store.findMeasure(trx, assessment.id, row.id))!;
		const links = await store.proposalLinks(trx, assessment.id);
		return toMeasure(fresh, links.get(row.id) ?? []);
	});
}

/** A dated status note; the measure takes the note's status (recorded in the history if it changes). */
export async function addStatusNote(
	db: Db,
	assessment: Assessment,
	measureId: number,
	userId: number,
	input: { status: MeasureFields['status']; note: string; notedOn: string }
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const row = await store.findMeasure(trx, assessment.id, measureId);
		if (!row) throw new Refusal('notFound', 404);
		const at = now();
		if (row.status !== input.status) {
			const after = { ...store.toFields(row), status: input.status };
			if (!(await store.updateMeasure(trx, row.id, row.version, after, at))) throw new Refusal('measureConflict', 409);
			await store.insertHistory(trx, [{ measureId: row.id, field: 'status', oldValue: row.status, newValue: input.status, actorId: userId, at }]);
		}
		await store.insertNote(trx, { measureId: row.id, status: input.status, note: input.note, notedOn: input.notedOn, actorId: userId, at });
	});
}

/** An assessment's measures with their proposal links, in creation order. */
export async function listMeasures(db: Db, assessmentId: number): Promise<Measure[]> {
	const [rows, links] = await Promise.all([store.listMeasures(db, assessmentId), store.proposalLinks(db, assessmentId)]);
	return rows.map((row) => toMeasure(row, links.get(row.id) ?? []));
}

export async function findMeasure(db: Db, assessmentId: number, measureId: number): Promise<Measure | undefined> {
	const row = await store.findMeasure(db, assessmentId, measureId);
	if (!row) return undefined;
	const links = await store.proposalLinks(db, assessmentId);
	return toMeasure(row, links.get(row.id) ?? []);
}

/** The API's shape of a measure. */
export function measureJson(m: Measure) {
	return {
		id: m.id,
		title: m.title,
		description: m.description,
		areas: m.areas,
		questions: m.questions,
		gapArea: m.gapArea,
		owner: m.owner,
		partners: m.partners,
		budget: m.budgetKind === 'amount' ? { kind: 'amount' as const, amount: m.budgetAmount } : { kind: m.budgetKind },
		startOn: m.startOn,
		dueOn: m.dueOn,
		status: m.status,
		priority: m.priority,
		version: m.version,
		proposalIds: m.proposalIds
	};
}

/** The assessment a measure belongs to, for the caller's access check; undefined for an unknown measure. */
export async function assessmentOfMeasure(db: Db, measureId: number): Promise<number | undefined> {
	return (await store.findMeasureWithMunicipality(db, measureId))?.assessment_id;
}

/** Every recorded change of a measure's fields, oldest first, with who made it. */
export async function measureHistory(db: Db, measureId: number) {
	return store.history(db, measureId);
}
