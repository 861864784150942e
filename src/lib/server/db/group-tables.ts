import type { Db } from './index';

/** A named table of a workshop's group phase. */
export interface GroupTable {
	id: number;
	name: string;
	area: number;
}

/** The workshop's tables in the facilitator's order. */
export async function listTables(db: Db, workshopId: number): Promise<GroupTable[]> {
	return db.selectFrom('group_table').select(['id', 'name', 'area']).where('workshop_id', '=', workshopId).orderBy('position').orderBy('id').execute();
}

export async function findTable(db: Db, workshopId: number, tableId: number): Promise<GroupTable | undefined> {
	return db.selectFrom('group_table').select(['id', 'name', 'area']).where('workshop_id', '=', workshopId).where('id', '=', tableId).executeTakeFirst();
}

/**
 * Makes the workshop's tables exactly `tables`, in that order: rows with an id of this workshop are
 * renamed/moved, rows without one are added, the rest removed (their members keep their area group
 * and lose only the table). Devices at a table whose area changed move with it to the new area.
 * Run inside a transaction.
 */
export async function replaceTables(db: Db, workshopId: number, tables: readonly { id: number | null; name: string; area: number }[]): Promise<void> {
	const existing = new Map((await listTables(db, workshopId)).map((t) => [t.id, t]));
	const kept = new Set<number>();
	for (const [position, table] of tables.entries()) {
		const before = table.id === null ? undefined : existing.get(table.id);
		if (before) {
			kept.add(before.id);
			await db.updateTable('group_table').set({ name: table.name, area: table.area, position }).where('id', '=', before.id).execute();
			if (before.area !== table.area) await db.updateTable('group_member').set({ area: table.area }).where('table_id', '=', before.id).execute();
		} else {
			await db.insertInto('group_table').values({ workshop_id: workshopId, name: table.name, area: table.area, position }).execute();
		}
	}
	const removed = [...existing.keys()].filter((id) => !kept.has(id));
	if (removed.length > 0) {
		// Said explicitly, not left to ON DELETE SET NULL, so the outcome does not hang on the foreign-key pragma.
		await db.updateTable('group_member').set({ table_id: null }).where('table_id', 'in', removed).execute();
		await db.deleteFrom('group_table').where('id', 'in', removed).execute();
	}
}

/** Whether participants choose a named table (true) or pick an area (false). */
export async function tablesMode(db: Db, workshopId: number): Promise<boolean> {
	const row = await db.selectFrom('workshop').select('group_tables').where('id', '=', workshopId).executeTakeFirst();
	return row?.group_tables === 1;
}

export async function setTablesMode(db: Db, workshopId: number, on: boolean): Promise<void> {
	await db.updateTable('workshop').set({ group_tables: on ? 1 : 0 }).where('id', '=', workshopId).execute();
}

/** Devices per table of the workshop. */
export async function tableMemberCounts(db: Db, workshopId: number): Promise<Record<number, number>> {
	const rows = await db
		.selectFrom('group_member')
		.select(['table_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('workshop_id', '=', workshopId)
		.where('table_id', 'is not', null)
		.groupBy('table_id')
		.execute();
	return Object.fromEntries(rows.map((r) => [r.table_id!, Number(r.n)]));
}

/** The tables with their devices, and whether participants choose among them. */
export async function tablesOf(db: Db, workshopId: number) {
	const [on, tables, counts] = await Promise.all([tablesMode(db, workshopId), listTables(db, workshopId), tableMemberCounts(db, workshopId)]);
	return { on, tables: tables.map((t) => ({ ...t, members: counts[t.id] ?? 0 })) };
}
