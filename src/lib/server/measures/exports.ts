import { BorderStyle, Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatMedian, signedGap } from '$lib/format';
import { t, type Language } from '$lib/i18n/staff';
import type { Rows } from '../results/exports';
import type { MeasurePlan } from './plan';

type PlanMeasure = MeasurePlan['measures'][number];

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export { DOCX_TYPE };

function budgetText(m: PlanMeasure, lang: Language): string {
	const mm = t(lang).measures;
	return m.budgetKind === 'amount' && m.budgetAmount !== null ? mm.budgetAmount(m.budgetAmount) : mm.fields.budgetKind[m.budgetKind];
}

function dateText(value: string | null, lang: Language): string {
	if (!value) return '';
	const [y, mo, d] = value.split('-');
	return lang === 'de' ? `${d}.${mo}.${y}` : value;
}

/** The plan as rows (header first), one per measure, in the order of creation; numbers stay numbers. */
export function measureRows(plan: MeasurePlan, lang: Language): Rows {
	const mm = t(lang).measures;
	const areaOf = new Map(plan.areas.map((a) => [a.area, a]));
	return [
		[...mm.exportColumns],
		...plan.measures.map((m) => {
			const gap = m.gapArea !== null ? areaOf.get(m.gapArea) : undefined;
			return [
				m.id,
				m.title,
				m.description,
				m.areas.join(', '),
				m.questions.join(', '),
				m.gapArea,
				gap?.adminLevel ?? null,
				gap && gap.median !== null ? gap.median : null,
				gap && gap.gap !== null ? gap.gap : null,
				m.owner,
				m.partners,
				m.budgetKind === 'amount' ? mm.fields.budgetKind.amount : mm.fields.budgetKind[m.budgetKind],
				m.budgetKind === 'amount' ? m.budgetAmount : null,
				m.startOn,
				m.dueOn,
				mm.priority[m.priority],
				mm.status[m.status],
				m.overdue ? mm.yes : '',
				m.proposalIds.join(', '),
				m.notes[0] ? `${m.notes[0].notedOn}: ${m.notes[0].note}` : ''
			];
		})
	];
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '8A96A3' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function cell(text: string, bold = false): TableCell {
	return new TableCell({
		borders,
		children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }))
	});
}

/**
 * The Word document for the integration concept and the council: a title page, the method in two
 * paragraphs, then per area the two views and the gap, the small group's summary and its measures
 * as a table (each measure names the gap it answers).
 */
export async function measureDocx(plan: MeasurePlan, names: { municipality: string; assessment: string }, lang: Language): Promise<Uint8Array> {
	const m = t(lang);
	const doc = m.measures.doc;
	const areaName = (n: number) => {
		const area = plan.areas.find((a) => a.area === n);
		return area ? `${n}. ${area.name[lang]}` : String(n);
	};
	const children: (Paragraph | Table)[] = [
		new Paragraph({ spacing: { before: 2400 }, children: [new TextRun({ text: doc.kicker, size: 28 })] }),
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: doc.title })] }),
		new Paragraph({ children: [new TextRun({ text: doc.subtitle(names.municipality, names.assessment), size: 32 })] }),
		new Paragraph({ spacing: { before: 400 }, children: [new TextRun({ text: doc.made(dateText(plan.today, lang)) })] }),
		...(plan.workshop ? [new Paragraph({ children: [new TextRun({ text: m.report.workshopLine(plan.workshop.title, dateText(plan.workshop.heldOn, lang)) })] })] : []),
		new Paragraph({ children: [new PageBreak()] }),
		new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(doc.methodTitle)] }),
		new Paragraph({ spacing: { after: 200 }, children: [new TextRun(doc.method1)] }),
		new Paragraph({ spacing: { after: 200 }, children: [new TextRun(doc.method2)] })
	];
	if (plan.coverage.share !== null) {
		const share = `${Math.round(plan.coverage.share * 100)} %`;
		children.push(new Paragraph({ children: [new TextRun({ text: m.measures.coverage(plan.coverage.covered.length, plan.coverage.strong.length, share), bold: true })] }));
	}
	for (const area of plan.areas) {
		const measures = plan.measures.filter((x) => x.areas.includes(area.area));
		children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(areaName(area.area))] }));
		children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(doc.viewsTitle)] }));
		const admin = area.adminLevel === null ? m.results.notAssessable : `${m.results.level} ${area.adminLevel}${area.adminScore ? ` (${area.adminScore} %)` : ''}`;
		const room = !plan.workshop ? '–' : area.tooFewRatings ? m.gap.tooFewShort : `${m.results.level} ${formatMedian(area.median)}`;
		const gap = area.tooFewRatings || !plan.workshop ? '–' : `${signedGap(area.gap, lang)}${area.divergence !== 'none' ? ` (${m.gap.divergence[area.divergence]})` : ''}`;
		children.push(
			new Table({
				width: { size: 100, type: WidthType.PERCENTAGE },
				rows: [
					new TableRow({ children: [cell(doc.adminView, true), cell(doc.workshopView, true), cell(doc.gap, true)] }),
					new TableRow({ children: [cell(admin), cell(room), cell(gap)] })
				]
			})
		);
		if (area.summary) {
			children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(doc.summaryTitle)] }));
			for (const line of area.summary.split('\n')) children.push(new Paragraph({ children: [new TextRun(line)] }));
		}
		children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(doc.measuresTitle)] }));
		if (measures.length === 0) {
			children.push(new Paragraph({ children: [new TextRun({ text: doc.noMeasures, italics: true })] }));
			continue;
		}
		children.push(
			new Table({
				width: { size: 100, type: WidthType.PERCENTAGE },
				rows: [
					new TableRow({ tableHeader: true, children: doc.columns.map((c) => cell(c, true)) }),
					...measures.map(
						(x) =>
							new TableRow({
								children: [
									cell([x.title, x.description, x.gapArea !== null ? m.measures.answersGap(areaName(x.gapArea)) : ''].filter(Boolean).join('\n')),
									cell([x.owner, x.partners].filter(Boolean).join('\n')),
									cell(budgetText(x, lang)),
									cell([dateText(x.startOn, lang), dateText(x.dueOn, lang)].filter(Boolean).join(' – ')),
									cell(m.measures.priority[x.priority]),
									cell(`${m.measures.status[x.status]}${x.overdue ? `\n${m.measures.overdue}` : ''}${x.notes[0] ? `\n${dateText(x.notes[0].notedOn, lang)}: ${x.notes[0].note}` : ''}`)
								]
							})
					)
				]
			})
		);
	}
	const document = new Document({
		creator: m.app.name,
		title: `${doc.title} – ${names.assessment}`,
		styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
		sections: [{ properties: {}, children }]
	});
	return new Uint8Array(await Packer.toBuffer(document));
}

