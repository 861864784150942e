import type { Db } from './index';
import type { MeasureRow, MeasureNoteRow } from './schema';
import type { MeasureFields } from '$lib/domain/measures';

/** The stored columns of a measure's fields (JSON arrays as text). */
export function toColumns(fields: MeasureFields) {
	return {
		title: fields.title,
		description: fields.description,
		areas: JSON.stringify(fields.areas),
		questions: JSON.stringify(fields.questions),
		gap_area: fields.gapArea,
		owner: fields.owner,
		partners: fields.partners,
		budget_kind: fields.budgetKind,
		budget_amount: fields.budgetKind === 'amount' ? fields.budgetAmount : null,
		start_on: fields.startOn,
		due_on: fields.dueOn,
		priority: fields.priority,
		status: fields.status
	};
}

export function toFields(row: MeasureRow): MeasureFields {
	return {
		title: row.title,
		description: row.description,
		areas: JSON.parse(row.areas) as number[],
		questions: JSON.parse(row.questions) as string[],
		gapArea: row.gap_area,
		owner: row.owner,
		partners: row.partners,
		budgetKind: row.budget_kind,
		budgetAmount: row.budget_amount,
		startOn: row.start_on,
		dueOn: row.due_on,
		priority: row.priority,
		status: row.status
	};
}

export async function insertMeasure(db: Db, values: { assessmentId: number; fields: MeasureFields; createdBy: number; at: string }): Promise<MeasureRow> {
	return db
		.insertInto('measure')
		.values({
			assessment_id: values.assessmentId,
			...toColumns(values.fields),
			version: 1,
			created_by: values.createdBy,
			created_at: values.at,
			updated_at: values.at
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** Writes new fields if the stored version is still `version`; false when someone else saved first. */
export async function updateMeasure(db: Db, id: number, version: number, fields: MeasureFields, at: string): Promise<boolean> {
	const result = await db
		.updateTable('measure')
		.set({ ...toColumns(fields), version: version + 1, updated_at: at })
		.where('id', '=', id)
		.where('version', '=', version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function findMeasure(db: Db, assessmentId: number, id: number): Promise<MeasureRow | undefined> {
	return db.selectFrom('measure').selectAll().where('id', '=', id).where('assessment_id', '=', assessmentId).executeTakeFirst();
}

/** A measure by id alone, with its municipality (for the API's access check). */
export async function findMeasureWithMunicipality(db: Db, id: number) {
	return db
		.selectFrom('measure')
		.innerJoin('assessment', 'assessment.id', 'measure.assessment_id')
		.selectAll('measure')
		.select('assessment.municipality_id as municipalityId')
		.where('measure.id', '=', id)
		.executeTakeFirst();
}

export async function listMeasures(db: Db, assessmentId: number): Promise<MeasureRow[]> {
	return db.selectFrom('measure').selectAll().where('assessment_id', '=', assessmentId).orderBy('id').execute();
}

export async function insertHistory(db: Db, rows: { measureId: number; field: string; oldValue: string | null; newValue: string | null; actorId: number; at: string }[]): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insertInto('measure_history')
		.values(rows.map((r) => ({ measure_id: r.measureId, field: r.field, old_value: r.oldValue, new_value: r.newValue, actor_id: r.actorId, created_at: r.at })))
		.execute();
}

export async function history(db: Db, measureId: number) {
	return db
		.selectFrom('measure_history')
		.leftJoin('user', 'user.id', 'measure_history.actor_id')
		.select(['measure_history.id', 'measure_history.field', 'measure_history.old_value', 'measure_history.new_value', 'measure_history.created_at', 'user.name as actor'])
		.where('measure_id', '=', measureId)
		.orderBy('measure_history.id')
		.execute();
}

export async function insertNote(db: Db, values: { measureId: number; status: MeasureNoteRow['status']; note: string; notedOn: string; actorId: number; at: string }): Promise<void> {
	await db
		.insertInto('measure_note')
		.values({ measure_id: values.measureId, status: values.status, note: values.note, noted_on: values.notedOn, actor_id: values.actorId, created_at: values.at })
		.execute();
}

export async function notes(db: Db, measureIds: number[]) {
	if (measureIds.length === 0) return [];
	return db
		.selectFrom('measure_note')
		.leftJoin('user', 'user.id', 'measure_note.actor_id')
		.select(['measure_note.id', 'measure_note.measure_id', 'measure_note.status', 'measure_note.note', 'measure_note.noted_on', 'user.name as actor'])
		.where('measure_id', 'in', measureIds)
		.orderBy('measure_note.noted_on', 'desc')
		.orderBy('measure_note.id', 'desc')
		.execute();
}

export async function linkProposals(db: Db, measureId: number, proposalIds: number[]): Promise<void> {
	if (proposalIds.length === 0) return;
	await db
		.insertInto('measure_proposal')
		.values([...new Set(proposalIds)].map((proposal_id) => ({ measure_id: measureId, proposal_id })))
		.onConflict((oc) => oc.doNothing())
		.execute();
}

/** Proposal ids per measure of an assessment. */
export async function proposalLinks(db: Db, assessmentId: number): Promise<Map<number, number[]>> {
	const rows = await db
		.selectFrom('measure_proposal')
		.innerJoin('measure', 'measure.id', 'measure_proposal.measure_id')
		.select(['measure_proposal.measure_id', 'measure_proposal.proposal_id'])
		.where('measure.assessment_id', '=', assessmentId)
		.orderBy('measure_proposal.proposal_id')
		.execute();
	const links = new Map<number, number[]>();
	for (const row of rows) links.set(row.measure_id, [...(links.get(row.measure_id) ?? []), row.proposal_id]);
	return links;
}

/** Of the given proposal ids, those that belong to a workshop of the assessment. */
export async function proposalsOfAssessment(db: Db, assessmentId: number, proposalIds: number[]): Promise<number[]> {
	if (proposalIds.length === 0) return [];
	const rows = await db
		.selectFrom('proposal')
		.innerJoin('workshop', 'workshop.id', 'proposal.workshop_id')
		.select('proposal.id')
		.where('workshop.assessment_id', '=', assessmentId)
		.where('proposal.id', 'in', proposalIds)
		.execute();
	return rows.map((r) => r.id);
}
