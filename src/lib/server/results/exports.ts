import { error } from '@sveltejs/kit';
import ExcelJS from 'exceljs';
import { toCsv } from '$lib/domain/csv';
import { t, type Language } from '$lib/i18n/staff';
import { exportMessages } from '$lib/i18n/staff/exports';
import { groupLabel } from '$lib/i18n/participant/dictionaries.server';
import type { Catalogue } from '$lib/schemas/catalogue';
import type { Db } from '../db';
import * as questionnaire from '../db/questionnaire';
import type { AgreedAnswer, Answer, Assessment } from '../db/schema';
import * as users from '../db/users';
import * as workshops from '../db/workshops';
import { gapReport, type GapReport } from './gap-report';
import { catalogueOf } from '../catalogues/versions';
import { Refusal } from '../http/refusal';

/** One cell of an export: text, a number (stays a number in the workbook) or empty. */
export type Cell = string | number | null;
/** The rows of one export, the header row first. */
export type Rows = Cell[][];

/** Everything the answers export needs, loaded once for the CSV file and the workbook. */
export interface AnswerData {
	catalogue: Catalogue;
	answers: Answer[];
	agreed: AgreedAnswer[];
	/** Staff who gave at least one answer, in the order of the staff list. */
	raters: { id: number; name: string }[];
}

export async function answerData(db: Db, assessment: Assessment): Promise<AnswerData> {
	const [catalogue, answers, agreed, staff] = await Promise.all([
		catalogueOf(db, assessment),
		questionnaire.listAnswers(db, assessment.id),
		questionnaire.listAgreed(db, assessment.id),
		users.listStaff(db, assessment.municipality_id)
	]);
	const raterIds = new Set(answers.map((a) => a.user_id));
	return { catalogue, answers, agreed, raters: staff.filter((s) => raterIds.has(s.id)) };
}

/** The columns of `answerRows` that hold ids: the question id ("1.01", which Excel would make a date). */
export const ANSWER_ID_COLUMNS: readonly number[] = [0];

/**
 * One row per question in catalogue order: id, area, topic, text, each rater's answer, comment and
 * evidence, then the agreed answer and its reason. Without `perRater` the raters' columns are left
 * out (for roles that may see the result but not who answered what).
 */
export function answerRows(data: AnswerData, lang: Language, { perRater = true } = {}): Rows {
	const m = t(lang).csv;
	const { catalogue } = data;
	const raters = perRater ? data.raters : [];
	const label = (value: string | null | undefined) =>
		value == null ? '' : (catalogue.scale.find((s) => s.value === value)?.label[lang] ?? value);
	const answerOf = new Map(data.answers.map((a) => [`${a.question_id}|${a.user_id}`, a]));
	const agreedOf = new Map(data.agreed.map((a) => [a.question_id, a]));

	const header = [
		m.questionId,
		m.area,
		m.topic,
		m.question,
		...raters.flatMap((r) => [m.raterAnswer(r.name), m.raterComment(r.name), m.raterEvidence(r.name)]),
		m.agreed,
		m.reason
	];
	const rows = catalogue.areas.flatMap((area) =>
		area.questions.map((q) => {
			const a = agreedOf.get(q.id);
			return [
				q.id,
				areaLabel(area, lang),
				area.topics.find((topic) => topic.id === q.topic)?.name[lang] ?? '',
				q.text[lang],
				...raters.flatMap((r) => {
					const answer = answerOf.get(`${q.id}|${r.id}`);
					return [label(answer?.value), answer?.comment ?? '', answer?.evidence ?? ''];
				}),
				label(a?.value),
				a?.reason ?? ''
			];
		})
	);
	return [header, ...rows];
}

function areaLabel(area: { number: number; name: { de: string; en: string } }, lang: Language): string {
	return `${area.number}. ${area.name[lang]}`;
}

/** A share (0–1) as a percentage with one decimal, the unit the column headers name. */
const percent = (share: number) => Math.round(share * 1000) / 10;

/** The workshop's stakeholder groups in the workshop's order (the same in every area). */
function groupsOf(report: GapReport): string[] {
	return report.areas[0]?.groups.map((g) => g.group) ?? [];
}

/**
 * One row per area in official order: the administration's score, level and answered questions,
 * the workshop's distribution, median, mean, gap and its size, then per stakeholder group its
 * ratings, median and gap — or, below k, "zu wenige Stimmen (< k)" in all three.
 */
export function areaRows(report: GapReport, lang: Language): Rows {
	const m = exportMessages(lang);
	const groups = groupsOf(report);
	const k = report.workshop?.k ?? 5;
	const header = [
		m.areas.number,
		m.areas.name,
		m.areas.adminScore,
		m.areas.adminLevel,
		m.areas.close,
		m.areas.answered,
		m.areas.unknownAnswers,
		m.areas.notApplicable,
		m.areas.total,
		m.areas.coverage,
		m.areas.ratings,
		m.areas.unknown,
		...[1, 2, 3, 4].map((n) => m.areas.level(n)),
		m.areas.tooFew,
		m.areas.median,
		m.areas.mean,
		m.areas.gap,
		m.areas.divergence,
		m.areas.shareWorse,
		m.areas.shareSame,
		m.areas.shareBetter,
		m.areas.polarised,
		...groups.flatMap((group) => {
			const name = groupLabel(group, lang);
			return [m.areas.groupRatings(name), m.areas.groupMedian(name), m.areas.groupGap(name)];
		})
	];
	const rows = report.areas.map((a): Cell[] => [
		a.area,
		a.name[lang],
		a.adminScore,
		a.adminLevel ?? m.notAssessable,
		a.close ? m.yes : m.no,
		a.answered,
		a.unknownAnswers,
		a.notApplicable,
		a.total,
		percent(a.coverage),
		a.ratings,
		a.unknown,
		a.distribution['1'],
		a.distribution['2'],
		a.distribution['3'],
		a.distribution['4'],
		a.tooFewRatings ? m.suppressed(k) : m.no,
		a.stakeholderMedian,
		a.stakeholderMean,
		a.gap,
		a.gap === null ? null : m.divergence[a.divergence],
		a.shareWorse === null ? null : percent(a.shareWorse),
		a.shareSame === null ? null : percent(a.shareSame),
		a.shareBetter === null ? null : percent(a.shareBetter),
		a.tooFewRatings ? null : a.polarised ? m.yes : m.no,
		...a.groups.flatMap((g): Cell[] =>
			g.suppressed ? [m.suppressed(k), m.suppressed(k), m.suppressed(k)] : [g.ratings, g.stakeholderMedian, g.gap]
		)
	]);
	return [header, ...rows];
}

/** A workshop rating as the query layer returns it. */
export type RatingRecord = Awaited<ReturnType<typeof workshops.listRatings>>[number];

const BERLIN_MINUTE = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Berlin',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** An ISO timestamp as `YYYY-MM-DD HH:MM` in Europe/Berlin; the seconds are cut off, never rounded up. */
export function berlinMinute(iso: string): string {
	const parts = Object.fromEntries(BERLIN_MINUTE.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * One row per workshop rating, by area and time: workshop, area, group, level (or "kann ich nicht
 * beurteilen"), paper or device, and the minute. No ballot id, so ratings cannot be joined per person.
 *
 * The areas sheet hides a group below k; listing its ratings under its name here would undo that.
 * So in an area where a group is suppressed, its ratings appear together with those of people
 * without a group, under one label — the same pool that `suppressGroups` keeps at k or more.
 */
export function ratingRows(ratings: readonly RatingRecord[], report: GapReport, lang: Language): Rows {
	const m = exportMessages(lang);
	const k = report.workshop?.k ?? 5;
	const title = report.workshop?.title ?? '';
	const areas = new Map(report.catalogue.areas.map((a) => [a.number, a]));
	const shown = new Map(report.areas.map((a) => [a.area, new Set(a.groups.filter((g) => !g.suppressed).map((g) => g.group))]));
	const isShown = (r: RatingRecord) => r.group !== null && (shown.get(r.area)?.has(r.group) ?? false);
	const pooled = new Set(ratings.filter((r) => r.group !== null && !isShown(r)).map((r) => r.area));

	const header = [m.ratings.workshop, m.ratings.area, m.ratings.group, m.ratings.level, m.ratings.source, m.ratings.time];
	const rows = [...ratings]
		.sort((a, b) => a.area - b.area || a.updatedAt.localeCompare(b.updatedAt))
		.map((r): Cell[] => {
			const area = areas.get(r.area);
			return [
				title,
				area ? areaLabel(area, lang) : String(r.area),
				isShown(r) ? groupLabel(r.group!, lang) : pooled.has(r.area) ? m.noGroupOrSmall(k) : m.noGroup,
				r.level ?? m.cannotJudge,
				r.paper === 1 ? m.paper : m.device,
				berlinMinute(r.updatedAt)
			];
		});
	return [header, ...rows];
}

/** The gap report for an export; `?workshop=` naming no workshop of this assessment is a 404. */
export async function exportReport(db: Db, assessment: Assessment, workshopParam: string | null): Promise<GapReport> {
	try {
		return await gapReport(db, assessment, workshopParam);
	} catch (err) {
		if (err instanceof Refusal && err.status === 404) error(404, 'notFound');
		throw err;
	}
}

/** The ratings of the report's workshop (none without a workshop). */
export async function reportRatings(db: Db, report: GapReport): Promise<RatingRecord[]> {
	return report.workshop ? workshops.listRatings(db, report.workshop.id) : [];
}

/**
 * CSV text for German Excel (see `toCsv`). German Excel reads `2.5` as a date or text, so in
 * German decimals get a decimal comma; the values exported here (scores, means) are never negative,
 * which would turn into text behind `toCsv`'s formula guard. `textColumns` hold ids (see `toCsv`).
 */
export function csvText(rows: Rows, lang: Language, textColumns: readonly number[] = []): string {
	if (lang !== 'de') return toCsv(rows, textColumns);
	const decimalComma = (cell: Cell) => (typeof cell === 'number' && !Number.isInteger(cell) ? String(cell).replace('.', ',') : cell);
	return toCsv(rows.map((row) => row.map(decimalComma)), textColumns);
}

/**
 * A `content-disposition` for a download: an ASCII fallback name and the full name
 * "‹assessment› – ‹suffix›.‹extension›" for browsers that read `filename*`.
 */
export function attachment(fallback: string, assessmentName: string, suffix: string, extension: string): string {
	const base = assessmentName.replace(/[^A-Za-z0-9ÄÖÜäöüß._ -]/g, '_').trim() || 'selbstcheck';
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(`${base} – ${suffix}.${extension}`)}`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
/** Long headers wrap instead of widening a column of short numbers. */
const HEADER_WIDTH = 18;

function addSheet(book: ExcelJS.Workbook, name: string, rows: Rows): void {
	const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
	for (const row of rows) sheet.addRow(row.map((cell) => cell ?? null));
	const header = sheet.getRow(1);
	header.font = { bold: true };
	header.alignment = { vertical: 'top', wrapText: true };
	const columns = rows[0]?.length ?? 0;
	for (let c = 0; c < columns; c++) {
		const longest = Math.max(
			Math.min(String(rows[0]![c] ?? '').length, HEADER_WIDTH),
			...rows.slice(1).map((row) => String(row[c] ?? '').length)
		);
		const column = sheet.getColumn(c + 1);
		column.width = Math.min(Math.max(longest + 2, MIN_WIDTH), MAX_WIDTH);
		// Question texts and comments would run far past the screen; wrap them in a readable column.
		if (longest + 2 > MAX_WIDTH) column.alignment = { vertical: 'top', wrapText: true };
	}
	if (columns > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
}

/**
 * The results workbook: the areas, answers and ratings sheets and the Maßnahmenplan (in this order), each with a bold,
 * frozen header row, a filter and column widths from their content. Numbers stay numbers.
 */
export function workbook(sheets: { areas: Rows; answers: Rows; ratings: Rows; measures?: Rows }, lang: Language): ExcelJS.Workbook {
	const m = exportMessages(lang);
	const book = new ExcelJS.Workbook();
	book.creator = t(lang).app.name;
	addSheet(book, m.sheets.areas, sheets.areas);
	addSheet(book, m.sheets.answers, sheets.answers);
	addSheet(book, m.sheets.ratings, sheets.ratings);
	// The Maßnahmenplan, one row per measure, after the results.
	if (sheets.measures) addSheet(book, t(lang).measures.title, sheets.measures);
	return book;
}
