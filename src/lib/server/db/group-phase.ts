import type { Db } from './index';

/** The workshop's group phase, if it was ever started. */
export async function findPhase(db: Db, workshopId: number) {
	return db.selectFrom('group_phase').selectAll().where('workshop_id', '=', workshopId).executeTakeFirst();
}

export async function startPhase(db: Db, values: { workshopId: number; userId: number; showComments: boolean; at: string }): Promise<void> {
	await db
		.insertInto('group_phase')
		.values({ workshop_id: values.workshopId, show_comments: values.showComments ? 1 : 0, started_by: values.userId, started_at: values.at, ended_at: null })
		.onConflict((oc) => oc.column('workshop_id').doUpdateSet({ show_comments: values.showComments ? 1 : 0, ended_at: null }))
		.execute();
}

export async function endPhase(db: Db, workshopId: number, at: string): Promise<void> {
	await db.updateTable('group_phase').set({ ended_at: at }).where('workshop_id', '=', workshopId).execute();
}

/** Puts a device into an area's group, at a named table of that area or (tableId null) without one. */
export async function setMember(db: Db, workshopId: number, ballotId: number, area: number, tableId: number | null = null): Promise<void> {
	await db
		.insertInto('group_member')
		.values({ ballot_id: ballotId, workshop_id: workshopId, area, table_id: tableId })
		.onConflict((oc) => oc.column('ballot_id').doUpdateSet({ area, table_id: tableId }))
		.execute();
}

export async function memberArea(db: Db, ballotId: number): Promise<number | undefined> {
	return (await db.selectFrom('group_member').select('area').where('ballot_id', '=', ballotId).executeTakeFirst())?.area;
}

/** The device's area group and the table it chose (null when it picked the area itself). */
export async function membership(db: Db, ballotId: number): Promise<{ area: number; tableId: number | null } | undefined> {
	const row = await db.selectFrom('group_member').select(['area', 'table_id']).where('ballot_id', '=', ballotId).executeTakeFirst();
	return row && { area: row.area, tableId: row.table_id };
}

export async function memberCounts(db: Db, workshopId: number): Promise<Record<number, number>> {
	const rows = await db
		.selectFrom('group_member')
		.select(['area', (eb) => eb.fn.countAll<number>().as('n')])
		.where('workshop_id', '=', workshopId)
		.groupBy('area')
		.execute();
	return Object.fromEntries(rows.map((r) => [r.area, Number(r.n)]));
}

export async function insertProposal(
	db: Db,
	values: { workshopId: number; area: number; ballotId: number; what: string; who: string; firstStep: string; at: string }
): Promise<number> {
	const row = await db
		.insertInto('proposal')
		.values({ workshop_id: values.workshopId, area: values.area, ballot_id: values.ballotId, what: values.what, who: values.who, first_step: values.firstStep, created_at: values.at })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** Proposals a device wrote since `since` (for the per-device limit). */
export async function proposalsSince(db: Db, ballotId: number, since: string): Promise<number> {
	const row = await db
		.selectFrom('proposal')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('ballot_id', '=', ballotId)
		.where('created_at', '>=', since)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export interface ProposalView {
	id: number;
	area: number;
	what: string;
	who: string;
	firstStep: string;
	/** To the minute. */
	createdAt: string;
	support: number;
	hidden: boolean;
	hiddenBy: string | null;
	/** Whether the asking device supports it / wrote it (never whose it is). */
	supportedByMe: boolean;
	mine: boolean;
	measureIds: number[];
}

/**
 * A workshop's proposals (optionally of one area), most supported first, then newest. Hidden ones
 * only with `withHidden`. `ballotId` marks the asking device's own support.
 */
export async function listProposals(db: Db, workshopId: number, options: { area?: number; withHidden?: boolean; ballotId?: number } = {}): Promise<ProposalView[]> {
	let query = db
		.selectFrom('proposal')
		.leftJoin('user', 'user.id', 'proposal.hidden_by')
		.select([
			'proposal.id',
			'proposal.area',
			'proposal.what',
			'proposal.who',
			'proposal.first_step',
			'proposal.created_at',
			'proposal.hidden_at',
			'proposal.ballot_id',
			'user.name as hiddenByName',
			(eb) => eb.selectFrom('proposal_support').select((e) => e.fn.countAll<number>().as('n')).whereRef('proposal_support.proposal_id', '=', 'proposal.id').as('support')
		])
		.where('proposal.workshop_id', '=', workshopId);
	if (options.area !== undefined) query = query.where('proposal.area', '=', options.area);
	if (!options.withHidden) query = query.where('proposal.hidden_at', 'is', null);
	const rows = await query.orderBy('support', 'desc').orderBy('proposal.id', 'desc').limit(500).execute();
	const ids = rows.map((r) => r.id);
	const mine = options.ballotId !== undefined && ids.length > 0
		? new Set((await db.selectFrom('proposal_support').select('proposal_id').where('ballot_id', '=', options.ballotId).where('proposal_id', 'in', ids).execute()).map((r) => r.proposal_id))
		: new Set<number>();
	const links = ids.length > 0 ? await db.selectFrom('measure_proposal').select(['measure_id', 'proposal_id']).where('proposal_id', 'in', ids).execute() : [];
	return rows.map((r) => ({
		id: r.id,
		area: r.area,
		what: r.what,
		who: r.who,
		firstStep: r.first_step,
		createdAt: r.created_at,
		support: Number(r.support ?? 0),
		hidden: r.hidden_at !== null,
		hiddenBy: r.hidden_at !== null ? (r.hiddenByName ?? '–') : null,
		supportedByMe: mine.has(r.id),
		mine: options.ballotId !== undefined && r.ballot_id === options.ballotId,
		measureIds: links.filter((l) => l.proposal_id === r.id).map((l) => l.measure_id)
	}));
}

export async function findProposal(db: Db, workshopId: number, id: number) {
	return db.selectFrom('proposal').selectAll().where('workshop_id', '=', workshopId).where('id', '=', id).executeTakeFirst();
}

/** A proposal of any workshop of the assessment (to prefill a measure). */
export async function findProposalOfAssessment(db: Db, assessmentId: number, id: number) {
	return db
		.selectFrom('proposal')
		.innerJoin('workshop', 'workshop.id', 'proposal.workshop_id')
		.selectAll('proposal')
		.where('workshop.assessment_id', '=', assessmentId)
		.where('proposal.id', '=', id)
		.executeTakeFirst();
}

/** One support per device: true when it was new. */
export async function support(db: Db, proposalId: number, ballotId: number): Promise<boolean> {
	const result = await db
		.insertInto('proposal_support')
		.values({ proposal_id: proposalId, ballot_id: ballotId })
		.onConflict((oc) => oc.columns(['proposal_id', 'ballot_id']).doNothing())
		.returning('proposal_id')
		.executeTakeFirst();
	return result !== undefined;
}

export async function setHidden(db: Db, proposalId: number, userId: number | null, at: string | null): Promise<void> {
	await db.updateTable('proposal').set({ hidden_at: at, hidden_by: at ? userId : null }).where('id', '=', proposalId).execute();
}

export async function setFlag(db: Db, values: { workshopId: number; ballotId: number; area: number; questionId: string; reason: string; at: string }): Promise<void> {
	await db
		.insertInto('question_flag')
		.values({ workshop_id: values.workshopId, ballot_id: values.ballotId, area: values.area, question_id: values.questionId, reason: values.reason, created_at: values.at })
		.onConflict((oc) => oc.columns(['workshop_id', 'ballot_id', 'question_id']).doUpdateSet({ reason: values.reason }))
		.execute();
}

export async function removeFlag(db: Db, workshopId: number, ballotId: number, questionId: string): Promise<void> {
	await db.deleteFrom('question_flag').where('workshop_id', '=', workshopId).where('ballot_id', '=', ballotId).where('question_id', '=', questionId).execute();
}

/** The question ids the device marked, with its reasons. */
export async function flagsOf(db: Db, workshopId: number, ballotId: number): Promise<Record<string, string>> {
	const rows = await db.selectFrom('question_flag').select(['question_id', 'reason']).where('workshop_id', '=', workshopId).where('ballot_id', '=', ballotId).execute();
	return Object.fromEntries(rows.map((r) => [r.question_id, r.reason]));
}

/**
 * Per question of the workshop: how many devices marked it "sehe ich anders". Counts only, never a
 * reason, so nothing meant for the facilitator can reach the projector by this path.
 */
export async function flagTally(db: Db, workshopId: number): Promise<{ area: number; questionId: string; devices: number }[]> {
	const rows = await db
		.selectFrom('question_flag')
		.select(['area', 'question_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('workshop_id', '=', workshopId)
		.groupBy(['area', 'question_id'])
		.execute();
	return rows.map((r) => ({ area: r.area, questionId: r.question_id, devices: Number(r.n) }));
}

/** Per question: how many devices marked it "sehe ich anders" and their reasons (most marked first). */
export async function flagCounts(db: Db, workshopId: number, area?: number) {
	let query = db.selectFrom('question_flag').select(['area', 'question_id', 'reason']).where('workshop_id', '=', workshopId);
	if (area !== undefined) query = query.where('area', '=', area);
	const rows = await query.orderBy('question_id').execute();
	const byQuestion = new Map<string, { area: number; questionId: string; count: number; reasons: string[] }>();
	for (const row of rows) {
		const entry = byQuestion.get(row.question_id) ?? { area: row.area, questionId: row.question_id, count: 0, reasons: [] };
		entry.count += 1;
		if (row.reason !== '') entry.reasons.push(row.reason);
		byQuestion.set(row.question_id, entry);
	}
	return [...byQuestion.values()].sort((a, b) => b.count - a.count || a.questionId.localeCompare(b.questionId));
}

export async function setSummary(db: Db, values: { workshopId: number; area: number; text: string; userId: number; at: string }): Promise<void> {
	await db
		.insertInto('group_summary')
		.values({ workshop_id: values.workshopId, area: values.area, text: values.text, updated_by: values.userId, updated_at: values.at })
		.onConflict((oc) => oc.columns(['workshop_id', 'area']).doUpdateSet({ text: values.text, updated_by: values.userId, updated_at: values.at }))
		.execute();
}

/** Every area summary of the workshop as written, blank ones too (the facilitator's editor shows them). */
export async function listSummaries(db: Db, workshopId: number): Promise<{ area: number; text: string }[]> {
	return db.selectFrom('group_summary').select(['area', 'text']).where('workshop_id', '=', workshopId).execute();
}

/** The summaries with text, by area (what participants and the presenter see). */
export async function summaries(db: Db, workshopId: number): Promise<Record<number, string>> {
	const rows = await db.selectFrom('group_summary').select(['area', 'text']).where('workshop_id', '=', workshopId).execute();
	return Object.fromEntries(rows.filter((r) => r.text.trim() !== '').map((r) => [r.area, r.text]));
}

/** The proposals of the assessment's workshops, oldest first: id and area (to link measures to them). */
export async function listProposalAreas(db: Db, assessmentId: number): Promise<{ id: number; area: number }[]> {
	return db
		.selectFrom('proposal')
		.innerJoin('workshop', 'workshop.id', 'proposal.workshop_id')
		.select(['proposal.id', 'proposal.area'])
		.where('workshop.assessment_id', '=', assessmentId)
		.orderBy('proposal.id')
		.execute();
}
