import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureInputSchema } from '$lib/schemas/measures';
import type { Db } from './db';
import type { Assessment } from './db/schema';
import { createTestDb } from './db/testing';
import { measureDocx, measureRows } from './measure-exports';
import { createMeasure } from './measures';
import { measurePlan } from './plan';
import { seedDemo } from './seed';
import { storeShippedCatalogues } from './shipped';

let db: Db;
let assessment: Assessment;
let coordinator: number;
beforeEach(async () => {
	db = await createTestDb();
	await storeShippedCatalogues(db);
	await seedDemo(db);
	assessment = await db.selectFrom('assessment').selectAll().executeTakeFirstOrThrow();
	coordinator = (await db.selectFrom('user').select('id').where('email', '=', 'koordination@musterstadt.example').executeTakeFirstOrThrow()).id;
}, 60_000);
afterEach(async () => {
	await db.destroy();
});

describe('the plan\'s documents', () => {
	it('puts every measure with the gap it answers into the Word document and the sheet', async () => {
		expect.hasAssertions();
		await createMeasure(db, assessment, coordinator, measureInputSchema.parse({ title: 'Steuerungsgruppe Vielfalt & Teilhabe', areas: [1], gapArea: 1, budgetKind: 'amount', budgetAmount: 12000 }));
		const plan = await measurePlan(db, assessment);
		const zip = await JSZip.loadAsync(await measureDocx(plan, { municipality: 'Musterstadt', assessment: 'Selbstcheck 2026' }, 'de'));
		const xml = await zip.file('word/document.xml')!.async('string');
		expect(xml).toContain('Steuerungsgruppe Vielfalt &amp; Teilhabe');
		expect(xml).toContain('Antwortet auf die Abweichung in 1. Management und Steuerung');
		expect(xml).toContain('12.000 €');
		const rows = measureRows(plan, 'de');
		const row = rows.find((r) => r[1] === 'Steuerungsgruppe Vielfalt & Teilhabe')!;
		expect(row[5]).toBe(1);
		expect(row[12]).toBe(12000);
	});
});
