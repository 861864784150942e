import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { createTestDb } from './db/testing';
import { adminResult } from './results';
import { seedDemo } from './seed';
import { storeShippedCatalogues } from './shipped';
import { pickWorkshop, stakeholderSide } from './stakeholder-results';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
	await storeShippedCatalogues(db);
	await seedDemo(db);
});
afterEach(async () => {
	await db.destroy();
});

describe("the stakeholders' side of the demo", () => {
	it('shows the Krefeld pattern: a strong gap of +2 in areas 1 and 7 only, small groups suppressed', async () => {
		const assessment = await db.selectFrom('assessment').selectAll().executeTakeFirstOrThrow();
		const workshop = await pickWorkshop(db, assessment, null);
		expect(workshop?.title).toBe('Workshop Weltoffene Kommune');
		const admin = await adminResult(db, assessment);
		const side = await stakeholderSide(db, workshop, new Map(admin.areas.map((a) => [a.area, a.level])));

		const strong = [...side].filter(([, s]) => s.divergence === 'strong').map(([area, s]) => [area, s.gap]);
		expect(strong).toEqual([
			[1, 2],
			[7, 2]
		]);
		const areaOne = side.get(1)!;
		expect(areaOne.ratings + areaOne.unknown).toBe(35);
		const groups = Object.fromEntries(areaOne.groups.map((g) => [g.group, g.suppressed]));
		// Wirtschaft has 4 people (k = 5); nobody chose Sonstige.
		expect(groups).toEqual({
			Verwaltung: false,
			Politik: false,
			Zivilgesellschaft: false,
			Wirtschaft: true,
			Migrantenorganisation: false,
			Sonstige: true
		});
	});

	it('refuses a workshop of another assessment', async () => {
		const assessment = await db.selectFrom('assessment').selectAll().executeTakeFirstOrThrow();
		await expect(pickWorkshop(db, assessment, '999')).rejects.toMatchObject({ code: 'notFound', status: 404 });
	});
});
