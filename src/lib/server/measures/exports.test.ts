import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureInputSchema } from '$lib/schemas/measures';
import type { Db } from '../db';
import type { Assessment } from '../db/schema';
import { createTestDb } from '../db/testing';
import { measureDocx, measureRows } from './exports';
import { createMeasure } from './measures';
import { measurePlan } from './plan';
import { seedDemo } from '../seed/seed';
import { storeShippedCatalogues } from '../catalogues/shipped';

let db: Db;
let assessment: Assessment;
let coordinator: number;
beforeEach(async () => {
	db = await createTestDb();
	await storeShippedCatalogues(db);
	await seedDemo(db);
	assessment = await db.selectFrom('assessment').selectAll().orderBy('id').executeTakeFirstOrThrow();
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

describe('the demo\'s group phase and plan', () => {
	it('has proposals with support on areas 1 and 7 and six measures in different states', async () => {
		expect.hasAssertions();
		const proposals = await db.selectFrom('proposal').select(['area']).execute();
		expect([...new Set(proposals.map((p) => p.area))].sort()).toEqual([1, 7]);
		const plan = await measurePlan(db, assessment);
		expect(plan.measures).toHaveLength(6);
		expect(new Set(plan.measures.map((m) => m.status))).toEqual(new Set(['planned', 'in_progress', 'done', 'deferred']));
		expect(plan.measures.filter((m) => m.proposalIds.length > 0)).toHaveLength(2);
		expect(plan.areas.find((a) => a.area === 1)?.summary).toContain('Verbindlichkeit');
		expect(plan.coverage.covered).toEqual(expect.arrayContaining([1, 7]));
	});
});
