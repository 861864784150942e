import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/domain/csv';
import type { Db } from '../db';
import type { Assessment } from '../db/schema';
import { createTestDb } from '../db/testing';
import * as workshops from '../db/workshops';
import {
	answerData,
	answerRows,
	areaRows,
	berlinMinute,
	csvText,
	exportReport,
	ratingRows,
	workbook,
	type RatingRecord
} from './exports';
import type { GapReport } from './gap-report';
import { seedDemo } from '../seed/seed';
import { storeShippedCatalogues } from '../catalogues/shipped';

let db: Db;
let assessment: Assessment;
let report: GapReport;
beforeEach(async () => {
	db = await createTestDb();
	await storeShippedCatalogues(db);
	await seedDemo(db);
	assessment = await db.selectFrom('assessment').selectAll().orderBy('id').executeTakeFirstOrThrow();
	report = await exportReport(db, assessment, null);
});
afterEach(async () => {
	await db.destroy();
});

const SUPPRESSED = 'zu wenige Stimmen (< 5)';

/** The row's cells by header, for readable expectations. */
function byHeader(rows: (string | number | null)[][], index: number): Record<string, string | number | null> {
	return Object.fromEntries(rows[0]!.map((name, c) => [String(name), rows[index]![c] ?? null]));
}

function rating(values: Partial<RatingRecord>): RatingRecord {
	return { area: 1, level: 2, updatedAt: '2026-10-15T08:00:00.000Z', group: 'Verwaltung', paper: 0, ...values };
}

describe('the areas rows', () => {
	it('give both views, the gap and its size per area in official order, as numbers', () => {
		const rows = areaRows(report, 'de');
		expect(rows).toHaveLength(8);
		expect(rows.slice(1).map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7]);
		const first = byHeader(rows, 1);
		expect(first).toMatchObject({
			'Nr.': 1,
			Handlungsfeld: 'Management und Steuerung',
			'Verwaltung: Stufe': 1,
			'Workshop: Median': 3,
			'Abweichung (Workshop − Verwaltung)': 2,
			'Einordnung der Abweichung': 'stark'
		});
		const area = report.areas[0]!;
		expect(first['Verwaltung: Erfüllung (%)']).toBe(area.adminScore);
		expect(first['Workshop: Mittelwert']).toBe(area.stakeholderMean);
		expect([1, 2, 3, 4].map((n) => first[`Workshop: Stufe ${n}`])).toEqual([1, 2, 3, 4].map((n) => area.distribution[`${n}` as '1']));
		expect(Number(first['Workshop: Bewertungen']) + Number(first['Workshop: kann ich nicht beurteilen'])).toBe(35);
		expect(byHeader(rows, 7)['Einordnung der Abweichung']).toBe('stark');
	});

	it('show a group below k only as "zu wenige Stimmen (< k)"', () => {
		const rows = areaRows(report, 'de');
		for (let i = 1; i < rows.length; i++) {
			const row = byHeader(rows, i);
			expect([row['Wirtschaft: Bewertungen'], row['Wirtschaft: Median'], row['Wirtschaft: Abweichung']]).toEqual([
				SUPPRESSED,
				SUPPRESSED,
				SUPPRESSED
			]);
			expect(row['Verwaltung: Bewertungen']).toEqual(expect.any(Number));
		}
		const shown = report.areas[0]!.groups.find((g) => g.group === 'Verwaltung');
		expect(shown?.suppressed).toBe(false);
		expect(byHeader(rows, 1)['Verwaltung: Median']).toBe(shown && !shown.suppressed ? shown.stakeholderMedian : undefined);
	});

	it('are labelled in English, group names included', () => {
		const rows = areaRows(report, 'en');
		expect(rows[0]).toContain('Business: ratings');
		expect(byHeader(rows, 1)).toMatchObject({
			Area: 'Management and governance',
			'Size of the gap': 'strong',
			'Business: median': 'too few votes (< 5)'
		});
	});
});

describe('the ratings rows', () => {
	it('list all 245 demo ratings by area, without naming a group below k', async () => {
		const rows = ratingRows(await workshops.listRatings(db, report.workshop!.id), report, 'de');
		expect(rows[0]).toEqual(['Workshop', 'Handlungsfeld', 'Gruppe', 'Stufe', 'Abgabe', 'Zeit']);
		expect(rows).toHaveLength(246);
		expect(rows.slice(1).every((r) => r[0] === 'Workshop Weltoffene Kommune')).toBe(true);
		expect(rows[1]![1]).toBe('1. Management und Steuerung');
		const groups = rows.slice(1).map((r) => r[2]);
		expect(groups).not.toContain('Wirtschaft');
		// The 4 Wirtschaft ratings pool with the 2 without a group: 6 per area, at least k.
		expect(groups.filter((g) => g === 'keine Angabe oder Gruppe mit < 5 Stimmen')).toHaveLength(6 * 7);
		expect(groups.filter((g) => g === 'Verwaltung')).toHaveLength(8 * 7);
	});

	it('cut the time down to the minute in Berlin time, summer and winter', () => {
		expect(berlinMinute('2026-10-15T12:34:59.999Z')).toBe('2026-10-15 14:34');
		expect(berlinMinute('2026-12-31T23:59:59.000Z')).toBe('2027-01-01 00:59');
		expect(berlinMinute('2026-03-29T00:00:00.000Z')).toBe('2026-03-29 01:00');
	});

	it('name the level or "kann ich nicht beurteilen", paper or device, and a missing group', () => {
		const rows = ratingRows(
			[
				rating({ area: 2, level: null, group: null, paper: 1, updatedAt: '2026-10-15T09:05:42.000Z' }),
				rating({ area: 1, level: 4, group: 'Verwaltung', paper: 0, updatedAt: '2026-10-15T09:01:00.000Z' })
			],
			report,
			'de'
		);
		expect(rows.slice(1)).toEqual([
			['Workshop Weltoffene Kommune', '1. Management und Steuerung', 'Verwaltung', 4, 'Gerät', '2026-10-15 11:01'],
			[
				'Workshop Weltoffene Kommune',
				'2. Interkulturelle Öffnung und Antirassismus',
				'keine Angabe',
				'kann ich nicht beurteilen',
				'Papier',
				'2026-10-15 11:05'
			]
		]);
		const english = ratingRows([rating({ level: null, group: null, paper: 1 })], report, 'en');
		expect(english[0]).toEqual(['Workshop', 'Area', 'Group', 'Level', 'Cast on', 'Time']);
		expect(english[1]!.slice(2, 5)).toEqual(['not stated', 'cannot judge', 'Paper']);
	});

	it('are only a header without a workshop', async () => {
		const bare = { ...report, workshop: null };
		expect(ratingRows([], bare, 'de')).toEqual([['Workshop', 'Handlungsfeld', 'Gruppe', 'Stufe', 'Abgabe', 'Zeit']]);
	});
});

describe('the answers rows', () => {
	it('give each rater three columns, or only the agreed answer without raters', async () => {
		const data = await answerData(db, assessment);
		const rows = answerRows(data, 'de');
		expect(rows).toHaveLength(106);
		expect(rows[0]!.slice(0, 4)).toEqual(['Frage-ID', 'Handlungsfeld', 'Thema', 'Frage']);
		expect(rows[0]).toContain('Aylin Demir (Integrationsbüro): Antwort');
		expect(rows[0]).toHaveLength(4 + 3 * data.raters.length + 2);
		const agreedOnly = answerRows(data, 'de', { perRater: false });
		expect(agreedOnly[0]).toEqual(['Frage-ID', 'Handlungsfeld', 'Thema', 'Frage', 'Abgestimmte Antwort', 'Begründung']);
		expect(agreedOnly.flat().join(' ')).not.toContain('Aylin');
	});
});

describe('the CSV text', () => {
	it('writes decimals with a comma for German Excel and keeps whole numbers', () => {
		const text = csvText([['a', 'b', 'c'], [72.5, 2, -1]], 'de');
		expect(parseCsv(text)).toEqual([['a', 'b', 'c'], ['72,5', '2', '-1']]);
		expect(parseCsv(csvText([[72.5]], 'en'))).toEqual([['72.5']]);
	});
});

describe('the workbook', () => {
	it('has the areas, answers and ratings sheets with bold frozen headers, and numbers as numbers', async () => {
		const ratings = await workshops.listRatings(db, report.workshop!.id);
		const answers = answerRows(await answerData(db, assessment), 'de');
		const book = workbook({ areas: areaRows(report, 'de'), answers, ratings: ratingRows(ratings, report, 'de') }, 'de');
		const read = new ExcelJS.Workbook();
		await read.xlsx.load(await book.xlsx.writeBuffer());

		expect(read.worksheets.map((s) => [s.name, s.rowCount])).toEqual([
			['Handlungsfelder', 8],
			['Antworten', 106],
			['Bewertungen', 246]
		]);
		for (const sheet of read.worksheets) {
			expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
			expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
			expect(sheet.getColumn(1).width).toBeGreaterThan(0);
		}
		const areas = read.getWorksheet('Handlungsfelder')!;
		expect(areas.getRow(2).getCell(1).value).toBe(1);
		const headers = (areas.getRow(1).values as unknown[]).map(String);
		const gapColumn = headers.indexOf('Abweichung (Workshop − Verwaltung)');
		expect(gapColumn).toBeGreaterThan(0);
		expect(areas.getRow(2).getCell(gapColumn).value).toBe(2);
		expect(areas.getRow(2).getCell(headers.indexOf('Verwaltung: Abdeckung (%)')).value).toBeTypeOf('number');
		expect(read.getWorksheet('Antworten')!.getRow(2).getCell(1).value).toBe('1.01');
	});
});

describe('the export report', () => {
	it('answers 404 for a workshop of another assessment', async () => {
		await expect(exportReport(db, assessment, '999')).rejects.toMatchObject({ status: 404 });
	});
});
