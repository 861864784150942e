import { tableProblems, type TableDraft } from '$lib/domain/group-tables';
import type { Db } from '../db';
import * as groupStore from '../db/group-phase';
import * as tableStore from '../db/group-tables';
import type { WorkshopRow } from '../db/schema';
import { groupBus, groupChannel, participant } from './proposals';
import { Refusal } from '../http/refusal';

/*
 * Named tables of the group phase: the facilitator names the tables in the room and gives each one
 * area; participants then choose their table instead of an area. A table is a name on top of an
 * area group: proposals, marks and summaries stay per area, and several tables may share an area.
 */

function areasOf(workshop: WorkshopRow): number[] {
	return JSON.parse(workshop.areas) as number[];
}

/**
 * Saves how participants find their group: the list of tables as a whole (see
 * tableStore.replaceTables) and whether they choose a table (`on`) or pick an area. Nothing is
 * written when any row is wrong; choosing tables needs at least one.
 */
export async function saveSeating(db: Db, workshop: WorkshopRow, seating: { tables: readonly TableDraft[]; on: boolean }): Promise<void> {
	if (workshop.status === 'ended') throw new Refusal('workshopEnded', 409);
	const problems = tableProblems(seating.tables, areasOf(workshop));
	if (problems) throw new Refusal(problems.list ?? Object.values(problems.rows)[0]!, 422);
	if (seating.on && seating.tables.length === 0) throw new Refusal('tablesNeeded', 422);
	await db.transaction().execute(async (trx) => {
		await tableStore.replaceTables(trx, workshop.id, seating.tables);
		await tableStore.setTablesMode(trx, workshop.id, seating.on);
	});
	groupBus.publish(groupChannel(workshop.id), { type: 'tables' });
}

/** Seats the device at a named table: it joins that table's area group. */
export async function chooseTable(db: Db, workshop: WorkshopRow, token: string | undefined, tableId: number): Promise<void> {
	const ballot = await participant(db, workshop, token);
	if (!(await tableStore.tablesMode(db, workshop.id))) throw new Refusal('tablesOff', 409);
	const table = await tableStore.findTable(db, workshop.id, tableId);
	if (!table) throw new Refusal('unknownTable', 422);
	await groupStore.setMember(db, workshop.id, ballot.id, table.area, table.id);
	groupBus.publish(groupChannel(workshop.id), { type: 'group', area: table.area });
}

/** The workshop's tables with their devices, and whether participants choose among them. */
export async function seatingOf(db: Db, workshopId: number) {
	return tableStore.tablesOf(db, workshopId);
}
