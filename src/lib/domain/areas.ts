/** The 7 areas of action (Handlungsfelder) in the official order with their official German names. */
export const OFFICIAL_AREAS = [
	'Management und Steuerung',
	'Interkulturelle Öffnung und Antirassismus',
	'Fairer Zugang und Teilhabechancen',
	'Arbeit und wirtschaftliche Entwicklung',
	'Engagement und Beteiligung',
	'Zusammenhalt und Begegnung',
	'Kommunikation und Konfliktmanagement'
] as const;

/** The 9 topics of area 3 (Fairer Zugang und Teilhabechancen), in the official order. */
export const FAIR_ACCESS_TOPICS = [
	'Bildung',
	'Sprache',
	'Arbeit und Ausbildung',
	'Wohnen',
	'Gesundheit und Pflege',
	'Transport',
	'Kultur',
	'Sport',
	'Sicherheit und Recht'
] as const;

export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];
