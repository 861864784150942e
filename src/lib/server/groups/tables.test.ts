import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import * as groupStore from '../db/group-phase';
import * as tableStore from '../db/group-tables';
import type { WorkshopRow } from '../db/schema';
import { createTestDb } from '../db/testing';
import { chooseTable, saveSeating } from './tables';
import { chooseGroup, groupPage, startGroupPhase } from './proposals';
import { refusalOf, workshopSetup } from '../testing/outcomes';
import { join } from '../workshops/workshops';

let db: Db;
let workshop: WorkshopRow;
let facilitator: number;
beforeEach(async () => {
	db = await createTestDb();
	({ workshop, facilitator } = await workshopSetup(db, [1, 7]));
});
afterEach(async () => {
	await db.destroy();
});

describe('named tables of the group phase', () => {
	it('saves a list in order, renames and removes by id, and writes nothing when a row is wrong', async () => {
		expect.hasAssertions();
		await saveSeating(db, workshop, {
			on: false,
			tables: [
				{ id: null, name: 'Tisch 1 – Rathausfoyer', area: 1 },
				{ id: null, name: 'Tisch 2', area: 1 },
				{ id: null, name: 'Tisch 3', area: 7 }
			]
		});
		const [one, two, three] = await tableStore.listTables(db, workshop.id);
		expect([one, two, three].map((t) => [t!.name, t!.area])).toEqual([['Tisch 1 – Rathausfoyer', 1], ['Tisch 2', 1], ['Tisch 3', 7]]);
		await saveSeating(db, workshop, { on: false, tables: [{ id: three!.id, name: 'Tisch 3 – Bibliothek', area: 7 }, { id: one!.id, name: 'Tisch 1 – Rathausfoyer', area: 1 }] });
		expect(await tableStore.listTables(db, workshop.id)).toEqual([
			{ id: three!.id, name: 'Tisch 3 – Bibliothek', area: 7 },
			{ id: one!.id, name: 'Tisch 1 – Rathausfoyer', area: 1 }
		]);
		expect(await refusalOf(saveSeating(db, workshop, { on: false, tables: [{ id: null, name: 'A', area: 1 }, { id: null, name: 'a', area: 7 }] }))).toBe('422 duplicateTable');
		expect(await refusalOf(saveSeating(db, workshop, { on: false, tables: [{ id: null, name: 'A', area: 3 }] }))).toBe('422 unknownArea');
		expect(await refusalOf(saveSeating(db, workshop, { on: false, tables: Array.from({ length: 21 }, (_, i) => ({ id: null, name: `T${i}`, area: 1 })) }))).toBe('422 tooManyTables');
		expect(await tableStore.listTables(db, workshop.id)).toHaveLength(2);
	});

	it('seats a device at a table: it joins the table area group; the table moves its devices along', async () => {
		expect.hasAssertions();
		await startGroupPhase(db, workshop.id, facilitator, false);
		const [a, b] = [await join(db, workshop, undefined, null), await join(db, workshop, undefined, null)];
		expect(await refusalOf(saveSeating(db, workshop, { on: true, tables: [] }))).toBe('422 tablesNeeded');
		await saveSeating(db, workshop, { on: false, tables: [{ id: null, name: 'Foyer', area: 1 }, { id: null, name: 'Bibliothek', area: 7 }] });
		const [foyer, library] = await tableStore.listTables(db, workshop.id);
		expect(await refusalOf(chooseTable(db, workshop, a, foyer!.id))).toBe('409 tablesOff');
		await saveSeating(db, workshop, { on: true, tables: [foyer!, library!] });
		expect(await refusalOf(chooseGroup(db, workshop, a, 1))).toBe('409 chooseTable');
		await chooseTable(db, workshop, a, foyer!.id);
		await chooseTable(db, workshop, b, library!.id);
		expect(await refusalOf(chooseTable(db, workshop, b, 99_999))).toBe('422 unknownTable');
		expect(await refusalOf(chooseTable(db, workshop, undefined, foyer!.id))).toBe('403 notJoined');
		const page = await groupPage(db, workshop, a, 'de');
		expect(page.group).toMatchObject({ area: 1, table: 'Foyer' });
		expect(page.tables.list.map((t) => [t.name, t.areaName, t.members])).toEqual([['Foyer', 'Management und Steuerung', 1], ['Bibliothek', 'Kommunikation und Konfliktmanagement', 1]]);
		expect(await groupStore.memberCounts(db, workshop.id)).toEqual({ 1: 1, 7: 1 });

		// The foyer table now works on area 7: its device moves along; removing the library keeps b in area 7.
		await saveSeating(db, workshop, { on: true, tables: [{ id: foyer!.id, name: 'Foyer', area: 7 }] });
		expect(await groupStore.memberCounts(db, workshop.id)).toEqual({ 7: 2 });
		expect((await groupPage(db, workshop, b, 'de')).group).toMatchObject({ area: 7, table: null });
		expect(await refusalOf(saveSeating(db, workshop, { on: true, tables: [] }))).toBe('422 tablesNeeded');
		expect((await groupPage(db, workshop, a, 'de')).tables.on).toBe(true);
		await saveSeating(db, workshop, { on: false, tables: [] });
		expect((await groupPage(db, workshop, a, 'de')).tables).toEqual({ on: false, list: [] });
		expect((await groupPage(db, workshop, a, 'de')).group).toMatchObject({ area: 7, table: null });
	});
});
