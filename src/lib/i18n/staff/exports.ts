import type { Language } from './languages';

/*
 * The messages of the result exports (workbook and CSV files). Kept apart from the staff catalogue
 * because only the export endpoints need them; the answers CSV keeps the staff catalogue's `csv`.
 */
const de = {
	sheets: {
		areas: 'Handlungsfelder',
		answers: 'Antworten',
		ratings: 'Bewertungen'
	},
	/** Parts of the download file names, after the assessment's name. */
	files: {
		results: 'Ergebnisse',
		areas: 'Handlungsfelder',
		ratings: 'Bewertungen'
	},
	areas: {
		number: 'Nr.',
		name: 'Handlungsfeld',
		adminScore: 'Verwaltung: Erfüllung (%)',
		adminLevel: 'Verwaltung: Stufe',
		answered: 'Verwaltung: beantwortete Fragen',
		close: 'Verwaltung: knapp an einer Stufengrenze (±3)',
		unknownAnswers: 'Verwaltung: „weiß nicht“',
		notApplicable: 'Verwaltung: „trifft nicht zu“',
		coverage: 'Verwaltung: Abdeckung (%)',
		tooFew: 'Workshop: zu wenige Bewertungen',
		shareWorse: 'Workshop: sieht es schlechter (%)',
		shareSame: 'Workshop: sieht es gleich (%)',
		shareBetter: 'Workshop: sieht es besser (%)',
		polarised: 'Workshop: gespalten',
		total: 'Fragen',
		ratings: 'Workshop: Bewertungen',
		unknown: 'Workshop: kann ich nicht beurteilen',
		level: (n: number) => `Workshop: Stufe ${n}`,
		median: 'Workshop: Median',
		mean: 'Workshop: Mittelwert',
		gap: 'Abweichung (Workshop − Verwaltung)',
		divergence: 'Einordnung der Abweichung',
		groupRatings: (group: string) => `${group}: Bewertungen`,
		groupMedian: (group: string) => `${group}: Median`,
		groupGap: (group: string) => `${group}: Abweichung`
	},
	notAssessable: 'nicht bewertbar',
	yes: 'ja',
	no: 'nein',
	divergence: { none: 'keine', notable: 'auffällig', strong: 'stark' },
	suppressed: (k: number) => `zu wenige Stimmen (< ${k})`,
	ratings: {
		workshop: 'Workshop',
		area: 'Handlungsfeld',
		group: 'Gruppe',
		level: 'Stufe',
		source: 'Abgabe',
		time: 'Zeit'
	},
	noGroup: 'keine Angabe',
	/** Where a group is too small for this area, its ratings join those without a group. */
	noGroupOrSmall: (k: number) => `keine Angabe oder Gruppe mit < ${k} Stimmen`,
	cannotJudge: 'kann ich nicht beurteilen',
	paper: 'Papier',
	device: 'Gerät'
};

const en: typeof de = {
	sheets: {
		areas: 'Areas',
		answers: 'Answers',
		ratings: 'Ratings'
	},
	files: {
		results: 'Results',
		areas: 'Areas',
		ratings: 'Ratings'
	},
	areas: {
		number: 'No.',
		name: 'Area',
		adminScore: 'Administration: score (%)',
		adminLevel: 'Administration: level',
		answered: 'Administration: questions answered',
		close: 'Administration: close to a level threshold (±3)',
		unknownAnswers: 'Administration: “don’t know”',
		notApplicable: 'Administration: “not applicable”',
		coverage: 'Administration: coverage (%)',
		tooFew: 'Workshop: too few ratings',
		shareWorse: 'Workshop: sees it worse (%)',
		shareSame: 'Workshop: sees it the same (%)',
		shareBetter: 'Workshop: sees it better (%)',
		polarised: 'Workshop: split',
		total: 'Questions',
		ratings: 'Workshop: ratings',
		unknown: 'Workshop: cannot judge',
		level: (n: number) => `Workshop: level ${n}`,
		median: 'Workshop: median',
		mean: 'Workshop: mean',
		gap: 'Gap (workshop − administration)',
		divergence: 'Size of the gap',
		groupRatings: (group: string) => `${group}: ratings`,
		groupMedian: (group: string) => `${group}: median`,
		groupGap: (group: string) => `${group}: gap`
	},
	notAssessable: 'not assessable',
	yes: 'yes',
	no: 'no',
	divergence: { none: 'none', notable: 'notable', strong: 'strong' },
	suppressed: (k: number) => `too few votes (< ${k})`,
	ratings: {
		workshop: 'Workshop',
		area: 'Area',
		group: 'Group',
		level: 'Level',
		source: 'Cast on',
		time: 'Time'
	},
	noGroup: 'not stated',
	noGroupOrSmall: (k: number) => `not stated or group with < ${k} votes`,
	cannotJudge: 'cannot judge',
	paper: 'Paper',
	device: 'Device'
};

export type ExportMessages = typeof de;

export function exportMessages(lang: Language): ExportMessages {
	return lang === 'en' ? en : de;
}
