import type { CatalogueProblemTexts, Gender, Noun } from '../../domain/catalogue-problems';
import type { Language } from './languages';

type Params = Record<string, string | number>;

const GERMAN_LANGUAGES: Record<string, string> = {
	de: 'deutsch',
	en: 'englisch',
	ar: 'arabisch',
	fa: 'persisch',
	tr: 'türkisch',
	uk: 'ukrainisch',
	ru: 'russisch',
	fr: 'französisch',
	es: 'spanisch',
	pl: 'polnisch'
};
const GERMAN_ENDINGS: Record<Gender, string> = { m: 'er', f: 'e', n: 'es', pl: 'e' };

const ENGLISH_LANGUAGES: Record<string, string> = {
	de: 'German',
	en: 'English',
	ar: 'Arabic',
	fa: 'Persian',
	tr: 'Turkish',
	uk: 'Ukrainian',
	ru: 'Russian',
	fr: 'French',
	es: 'Spanish',
	pl: 'Polish'
};

const list = (keys: string | number) =>
	String(keys)
		.split(', ')
		.filter(Boolean)
		.map((k) => `„${k}“`)
		.join(', ');

const germanKind = (kind: string | number | undefined) =>
	kind === 'unknown' ? '„weiß nicht“' : kind === 'notApplicable' ? '„trifft nicht zu“' : `„${kind}“`;

const GERMAN_EXPECTED: Record<string, string> = {
	number: 'eine Zahl',
	int: 'eine ganze Zahl',
	string: 'ein Text in Anführungszeichen',
	object: 'ein Objekt in { }',
	array: 'eine Liste in [ ]',
	boolean: 'true oder false'
};
const GERMAN_RECEIVED: Record<string, string> = {
	number: 'eine Zahl',
	string: 'ein Text',
	object: 'ein Objekt',
	array: 'eine Liste',
	boolean: 'ein Wahrheitswert',
	null: 'leer (null)'
};

const de: CatalogueProblemTexts = {
	file: 'Datei',
	catalogue: 'Katalog',
	lineColumn: (line, column) => `Zeile ${line}, Spalte ${column}`,
	scaleStep: (n, label) => `Antwortskala, Antwort ${n}${label ? ` („${label}“)` : ''}`,
	level: (n) => `Stufe ${n}`,
	area: (n) => `Handlungsfeld ${n}`,
	topic: (name) => `Thema ${name}`,
	question: (number, id) => `Frage ${number}${id ? ` (Kennung ${id})` : ''}`,
	previous: 'Vorgängerversion (previous)',
	mapEntry: (n, from) => `Fragenzuordnung, Eintrag ${n}${from ? ` (alte Frage ${from})` : ''}`,
	fields: {
		id: { noun: 'Kennung', gender: 'f' },
		version: { noun: 'Version', gender: 'f' },
		title: { noun: 'Titel', gender: 'm' },
		scale: { noun: 'Antwortskala', gender: 'f' },
		levels: { noun: 'Stufen', gender: 'pl' },
		areas: { noun: 'Handlungsfelder', gender: 'pl' },
		value: { noun: 'Wert', gender: 'm' },
		points: { noun: 'Punkte', gender: 'pl' },
		label: { noun: 'Beschriftung', gender: 'f' },
		kind: { noun: 'Art', gender: 'f' },
		level: { noun: 'Stufennummer', gender: 'f' },
		name: { noun: 'Name', gender: 'm' },
		minScore: { noun: 'Schwelle', gender: 'f' },
		description: { noun: 'Beschreibung', gender: 'f' },
		number: { noun: 'Nummer', gender: 'f' },
		topics: { noun: 'Themen', gender: 'pl' },
		questions: { noun: 'Fragen', gender: 'pl' },
		recommendations: { noun: 'Anregungen', gender: 'pl' },
		topic: { noun: 'Thema', gender: 'n' },
		text: { noun: 'Text', gender: 'm' },
		help: { noun: 'Hilfetext', gender: 'm' },
		notApplicableFor: { noun: '„Trifft nicht zu für“', gender: 'n' },
		previous: { noun: 'Vorgängerversion', gender: 'f' },
		catalogueId: { noun: 'Katalogkennung', gender: 'f' },
		questionMap: { noun: 'Fragenzuordnung', gender: 'f' },
		from: { noun: 'alte Frage', gender: 'f' },
		to: { noun: 'neue Fragen', gender: 'pl' }
	},
	recommendation: (level) => ({ noun: `Anregung für Stufe ${level}`, gender: 'f' }),
	inLanguage: (field: Noun, language) => {
		if (!language) return field.noun;
		const adjective = GERMAN_LANGUAGES[language];
		return adjective ? `${adjective}${GERMAN_ENDINGS[field.gender]} ${field.noun}` : `${field.noun} (${language})`;
	},
	hints: {
		trailingComma: 'überflüssiges Komma? Nach dem letzten Eintrag einer Liste oder eines Objekts darf kein Komma stehen.',
		missingComma: 'fehlt hier ein Komma? Zwischen zwei Einträgen muss ein Komma stehen.',
		missingColon: 'fehlt ein Doppelpunkt? Nach einem Feldnamen folgt „:“ und dann der Wert.',
		unquotedKey: 'Feldname ohne Anführungszeichen? Feldnamen stehen in doppelten Anführungszeichen, z. B. "de".',
		singleQuote: 'einfaches Anführungszeichen? JSON verlangt doppelte Anführungszeichen (").',
		typographicQuote: 'typografisches Anführungszeichen (z. B. „ oder “)? Texte müssen mit geraden Anführungszeichen (") beginnen und enden.',
		comment: 'Kommentar? Kommentare sind in JSON nicht erlaubt.',
		unterminatedString: 'ein Text ist nicht geschlossen: Das schließende Anführungszeichen (") fehlt.',
		lineBreakInString: 'Zeilenumbruch in einem Text? Innerhalb von Anführungszeichen muss er als \\n geschrieben werden.',
		invalidEscape: 'ungültiger Rückstrich (\\)? Ein Rückstrich im Text muss verdoppelt werden (\\\\).',
		invalidNumber: 'ungültige Zahl? Zahlen stehen ohne führende Null und mit Punkt statt Komma, z. B. 2.5.',
		unquotedText: 'Text ohne Anführungszeichen? Texte stehen in doppelten Anführungszeichen.',
		unexpectedEnd: 'die Datei endet zu früh: Fehlt eine schließende Klammer } oder ]?',
		extraContent: 'nach dem Ende des Katalogs steht noch etwas: eine schließende Klammer zu viel?',
		unexpectedCharacter: 'unerwartetes Zeichen.',
		tooDeep: 'zu tief verschachtelt.'
	},
	message: (code: string, field: string, p: Params) => {
		const f = field || 'Eintrag';
		switch (code) {
			case 'invalidJson': {
				const hint = de.hints[p.hint as keyof typeof de.hints] ?? de.hints.unexpectedCharacter;
				const found = p.found ? ` Gefunden: „${p.found}“.` : '';
				return `keine gültige JSON-Datei – ${hint}${found}`;
			}
			case 'required': return `${f} fehlt`;
			case 'empty': return `${f} ist leer`;
			case 'tooLong': return `${f} ist zu lang (höchstens ${p.maximum} Zeichen)`;
			case 'wrongType':
				if (p.expected === 'int' && p.received === 'number') return `${f}: ${p.value} ist keine ganze Zahl`;
				return `${f}: ${p.value} ist ${GERMAN_RECEIVED[p.received as string] ?? p.received}; erwartet wird ${GERMAN_EXPECTED[p.expected as string] ?? p.expected}`;
			case 'tooSmall': return `${f} ${p.value} ist zu klein (mindestens ${p.minimum})`;
			case 'tooBig': return `${f} ${p.value} ist zu groß (höchstens ${p.maximum})`;
			case 'tooFewItems': return `${f}: ${p.count} ${p.count === 1 ? 'Eintrag' : 'Einträge'}, mindestens ${p.minimum} nötig`;
			case 'tooManyItems': return `${f}: ${p.count} Einträge, höchstens ${p.maximum} erlaubt`;
			case 'wrongCount': return `${f}: ${p.count} ${p.count === 1 ? 'Eintrag' : 'Einträge'}, genau ${p.minimum} nötig`;
			case 'unknownKeys': {
				const keys = String(p.keys).split(', ');
				return keys.length === 1 ? `unbekanntes Feld ${list(p.keys)} (Tippfehler?)` : `unbekannte Felder ${list(p.keys)} (Tippfehler?)`;
			}
			case 'invalidId': return `${f} ${p.value} ist ungültig (erlaubt: Buchstaben, Ziffern, Punkt, Binde- und Unterstrich; höchstens 64 Zeichen)`;
			case 'invalidVersion': return `${f} ${p.value} ist ungültig (z. B. „2026.1“ oder „2026.1-musterstadt-1“; Buchstaben, Ziffern, Punkt, Binde- und Unterstrich; höchstens 32 Zeichen)`;
			case 'invalidValue': return p.allowed ? `${f}: ${p.value} ist nicht erlaubt (erlaubt: ${p.allowed})` : `${f}: ${p.value} ist nicht erlaubt`;
			case 'controlChars': return `${f} enthält unzulässige Steuerzeichen`;
			case 'duplicateValue': return `Antwortwert „${p.value}“ kommt doppelt vor`;
			case 'scaleWithoutPoints': return 'die Antwortskala braucht mindestens eine Antwort mit Punkten';
			case 'kindWithPoints': return 'eine Antwort mit Punkten kann nicht „weiß nicht“ oder „trifft nicht zu“ sein';
			case 'duplicateKind': return `${germanKind(p.kind)} gibt es schon bei einer anderen Antwort`;
			case 'levelOrder': return `Stufennummer muss ${p.expected} sein (Stufen 1 bis 4 in dieser Reihenfolge)`;
			case 'levelThresholds': return `Schwelle ${p.value} muss kleiner sein als ${p.previous} (Stufe ${p.previousLevel})`;
			case 'lowestLevelZero': return `Schwelle ${p.value} muss 0 sein: Stufe 4 beginnt bei 0 %`;
			case 'areaMissing': return `Handlungsfeld ${p.number} („${p.name}“) fehlt`;
			case 'areaOrder':
				return p.number === p.previous
					? `Handlungsfeld ${p.number} kommt doppelt vor`
					: `steht nach Handlungsfeld ${p.previous}; die Handlungsfelder müssen in der Reihenfolge 1 bis 7 stehen`;
			case 'areaName': return `Name „${p.value}“ ist nicht der offizielle; erwartet: „${p.expected}“`;
			case 'duplicateTopic': return `Kennung „${p.id}“ hat schon ein anderes Thema dieses Handlungsfelds`;
			case 'duplicateQuestionId': return `Kennung „${p.id}“ hat schon Frage ${p.first}`;
			case 'unknownTopic':
				return p.topics
					? `Thema „${p.topic}“ gibt es in diesem Handlungsfeld nicht (vorhanden: ${p.topics})`
					: `Thema „${p.topic}“ gibt es nicht: Dieses Handlungsfeld hat keine Themen`;
			case 'topicRequired': return 'Thema fehlt: In diesem Handlungsfeld braucht jede Frage ein Thema';
			case 'missingTranslation': return `Übersetzung „${p.language}“ fehlt für ${p.count} Texte, die Teilnehmende sehen (sie sehen dort Deutsch)`;
			case 'profilesWithoutNotApplicable':
				return `${p.count === 1 ? `Frage ${p.first} ist` : `${p.count} Fragen (ab ${p.first}) sind`} für ein Profil als „trifft nicht zu“ markiert, aber die Antwortskala hat keine Antwort „trifft nicht zu“`;
			case 'previousOtherCatalogue': return `Vorgängerversion „${p.value}“ ist ein anderer Katalog; eine neue Ausgabe folgt nur einer Version desselben Katalogs („${p.id}“)`;
			case 'previousSameVersion': return `Vorgängerversion ${p.version} ist diese Version selbst; nennen Sie die ältere Version, der diese folgt`;
			case 'previousUnknown': return `Version ${p.version} von „${p.catalogueId}“ ist hier nicht gespeichert; importieren Sie zuerst die ältere Version, auf die sich die Fragenzuordnung bezieht`;
			case 'mapUnknownOld': return `alte Frage „${p.id}“ gibt es in Version ${p.version} nicht`;
			case 'mapUnknownNew': return `neue Frage „${p.id}“ gibt es in diesem Katalog nicht`;
			case 'mapDuplicateFrom': return `alte Frage „${p.id}“ ist schon in einem anderen Eintrag zugeordnet`;
			case 'mapDuplicateTo': return `neue Frage „${p.id}“ ist schon der alten Frage „${p.first}“ zugeordnet`;
			case 'mapTargetCount':
				return p.kind === 'dropped'
					? `„dropped“ (entfallen) hat keine neuen Fragen, hier sind es ${p.count}`
					: p.kind === 'split'
						? `„split“ (geteilt) braucht mindestens 2 neue Fragen, hier sind es ${p.count}`
						: `„${p.kind}“ braucht genau 1 neue Frage, hier sind es ${p.count}`;
			default: return `${f} ist ungültig`;
		}
	}
};

const ENGLISH_EXPECTED: Record<string, string> = {
	number: 'a number',
	int: 'a whole number',
	string: 'a text in quotes',
	object: 'an object in { }',
	array: 'a list in [ ]',
	boolean: 'true or false'
};
const ENGLISH_RECEIVED: Record<string, string> = {
	number: 'a number',
	string: 'a text',
	object: 'an object',
	array: 'a list',
	boolean: 'a boolean',
	null: 'empty (null)'
};
const englishKind = (kind: string | number | undefined) =>
	kind === 'unknown' ? '"don\'t know"' : kind === 'notApplicable' ? '"not applicable"' : `"${kind}"`;
const quoted = (keys: string | number) =>
	String(keys)
		.split(', ')
		.filter(Boolean)
		.map((k) => `"${k}"`)
		.join(', ');

const en: CatalogueProblemTexts = {
	file: 'File',
	catalogue: 'Catalogue',
	lineColumn: (line, column) => `Line ${line}, column ${column}`,
	scaleStep: (n, label) => `Answer scale, answer ${n}${label ? ` ("${label}")` : ''}`,
	level: (n) => `Level ${n}`,
	area: (n) => `Area ${n}`,
	topic: (name) => `topic ${name}`,
	question: (number, id) => `question ${number}${id ? ` (id ${id})` : ''}`,
	previous: 'Previous version (previous)',
	mapEntry: (n, from) => `Question map, entry ${n}${from ? ` (old question ${from})` : ''}`,
	fields: {
		id: { noun: 'id', gender: 'f' },
		version: { noun: 'version', gender: 'f' },
		title: { noun: 'title', gender: 'm' },
		scale: { noun: 'answer scale', gender: 'f' },
		levels: { noun: 'levels', gender: 'pl' },
		areas: { noun: 'areas', gender: 'pl' },
		value: { noun: 'value', gender: 'm' },
		points: { noun: 'points', gender: 'pl' },
		label: { noun: 'label', gender: 'f' },
		kind: { noun: 'kind', gender: 'f' },
		level: { noun: 'level number', gender: 'f' },
		name: { noun: 'name', gender: 'm' },
		minScore: { noun: 'threshold', gender: 'f' },
		description: { noun: 'description', gender: 'f' },
		number: { noun: 'number', gender: 'f' },
		topics: { noun: 'topics', gender: 'pl' },
		questions: { noun: 'questions', gender: 'pl' },
		recommendations: { noun: 'recommendations', gender: 'pl' },
		topic: { noun: 'topic', gender: 'n' },
		text: { noun: 'text', gender: 'm' },
		help: { noun: 'help text', gender: 'm' },
		notApplicableFor: { noun: '"not applicable for"', gender: 'n' },
		previous: { noun: 'previous version', gender: 'f' },
		catalogueId: { noun: 'catalogue id', gender: 'f' },
		questionMap: { noun: 'question map', gender: 'f' },
		from: { noun: 'old question', gender: 'f' },
		to: { noun: 'new questions', gender: 'pl' }
	},
	recommendation: (level) => ({ noun: `recommendation for level ${level}`, gender: 'f' }),
	inLanguage: (field, language) => {
		if (!language) return field.noun;
		const name = ENGLISH_LANGUAGES[language];
		return name ? `${name} ${field.noun}` : `${field.noun} (${language})`;
	},
	hints: {
		trailingComma: 'superfluous comma? No comma may follow the last entry of a list or object.',
		missingComma: 'missing comma? Two entries must be separated by a comma.',
		missingColon: 'missing colon? A field name is followed by ":" and then its value.',
		unquotedKey: 'field name without quotes? Field names are written in double quotes, e.g. "de".',
		singleQuote: 'single quote? JSON requires double quotes (").',
		typographicQuote: 'typographic quote (e.g. „ or “)? Texts must start and end with straight quotes (").',
		comment: 'comment? JSON does not allow comments.',
		unterminatedString: 'a text is not closed: the closing quote (") is missing.',
		lineBreakInString: 'line break inside a text? Write it as \\n inside quotes.',
		invalidEscape: 'invalid backslash (\\)? A backslash in a text must be doubled (\\\\).',
		invalidNumber: 'invalid number? Numbers have no leading zero and use a point, e.g. 2.5.',
		unquotedText: 'text without quotes? Texts are written in double quotes.',
		unexpectedEnd: 'the file ends too early: is a closing bracket } or ] missing?',
		extraContent: 'something follows the end of the catalogue: one closing bracket too many?',
		unexpectedCharacter: 'unexpected character.',
		tooDeep: 'nested too deeply.'
	},
	message: (code: string, field: string, p: Params) => {
		const f = field || 'entry';
		const F = f.charAt(0).toUpperCase() + f.slice(1);
		switch (code) {
			case 'invalidJson': {
				const hint = en.hints[p.hint as keyof typeof en.hints] ?? en.hints.unexpectedCharacter;
				const found = p.found ? ` Found: "${p.found}".` : '';
				return `not a valid JSON file – ${hint}${found}`;
			}
			case 'required': return `${F} missing`;
			case 'empty': return `${F} is empty`;
			case 'tooLong': return `${F} is too long (at most ${p.maximum} characters)`;
			case 'wrongType':
				if (p.expected === 'int' && p.received === 'number') return `${F}: ${p.value} is not a whole number`;
				return `${F}: ${p.value} is ${ENGLISH_RECEIVED[p.received as string] ?? p.received}; expected ${ENGLISH_EXPECTED[p.expected as string] ?? p.expected}`;
			case 'tooSmall': return `${F} ${p.value} is too small (at least ${p.minimum})`;
			case 'tooBig': return `${F} ${p.value} is too large (at most ${p.maximum})`;
			case 'tooFewItems': return `${F}: ${p.count} ${p.count === 1 ? 'entry' : 'entries'}, at least ${p.minimum} needed`;
			case 'tooManyItems': return `${F}: ${p.count} entries, at most ${p.maximum} allowed`;
			case 'wrongCount': return `${F}: ${p.count} ${p.count === 1 ? 'entry' : 'entries'}, exactly ${p.minimum} needed`;
			case 'unknownKeys': {
				const keys = String(p.keys).split(', ');
				return `unknown ${keys.length === 1 ? 'field' : 'fields'} ${quoted(p.keys)} (typo?)`;
			}
			case 'invalidId': return `${F} ${p.value} is invalid (allowed: letters, digits, point, hyphen and underscore; at most 64 characters)`;
			case 'invalidVersion': return `${F} ${p.value} is invalid (e.g. "2026.1" or "2026.1-musterstadt-1"; letters, digits, point, hyphen and underscore; at most 32 characters)`;
			case 'invalidValue': return p.allowed ? `${F}: ${p.value} is not allowed (allowed: ${p.allowed})` : `${F}: ${p.value} is not allowed`;
			case 'controlChars': return `${F} contains control characters that are not allowed`;
			case 'duplicateValue': return `answer value "${p.value}" occurs twice`;
			case 'scaleWithoutPoints': return 'the answer scale needs at least one answer with points';
			case 'kindWithPoints': return 'an answer with points cannot be "don\'t know" or "not applicable"';
			case 'duplicateKind': return `${englishKind(p.kind)} is already another answer's kind`;
			case 'levelOrder': return `level number must be ${p.expected} (levels 1 to 4 in this order)`;
			case 'levelThresholds': return `Threshold ${p.value} must be lower than ${p.previous} (level ${p.previousLevel})`;
			case 'lowestLevelZero': return `Threshold ${p.value} must be 0: level 4 starts at 0 %`;
			case 'areaMissing': return `Area ${p.number} ("${p.name}") is missing`;
			case 'areaOrder':
				return p.number === p.previous
					? `Area ${p.number} occurs twice`
					: `comes after area ${p.previous}; the areas must be in the order 1 to 7`;
			case 'areaName': return `Name "${p.value}" is not the official one; expected: "${p.expected}"`;
			case 'duplicateTopic': return `id "${p.id}" already belongs to another topic of this area`;
			case 'duplicateQuestionId': return `id "${p.id}" already belongs to question ${p.first}`;
			case 'unknownTopic':
				return p.topics
					? `topic "${p.topic}" does not exist in this area (existing: ${p.topics})`
					: `topic "${p.topic}" does not exist: this area has no topics`;
			case 'topicRequired': return 'topic missing: every question of this area needs one';
			case 'missingTranslation': return `translation "${p.language}" is missing for ${p.count} texts participants see (they see German there)`;
			case 'profilesWithoutNotApplicable':
				return `${p.count === 1 ? `question ${p.first} is` : `${p.count} questions (from ${p.first}) are`} marked "not applicable" for a profile, but the answer scale has no "not applicable" answer`;
			case 'previousOtherCatalogue': return `previous version "${p.value}" is another catalogue; a new edition follows a version of the same catalogue ("${p.id}")`;
			case 'previousSameVersion': return `previous version ${p.version} is this version itself; name the older version this one follows`;
			case 'previousUnknown': return `version ${p.version} of "${p.catalogueId}" is not stored here; import the older version the question map refers to first`;
			case 'mapUnknownOld': return `old question "${p.id}" does not exist in version ${p.version}`;
			case 'mapUnknownNew': return `new question "${p.id}" does not exist in this catalogue`;
			case 'mapDuplicateFrom': return `old question "${p.id}" is already mapped in another entry`;
			case 'mapDuplicateTo': return `new question "${p.id}" is already mapped from old question "${p.first}"`;
			case 'mapTargetCount':
				return p.kind === 'dropped'
					? `"dropped" has no new questions, here there are ${p.count}`
					: p.kind === 'split'
						? `"split" needs at least 2 new questions, here there are ${p.count}`
						: `"${p.kind}" needs exactly 1 new question, here there are ${p.count}`;
			default: return `${F} is invalid`;
		}
	}
};

const texts: Record<Language, CatalogueProblemTexts> = { de, en };

/** The words for naming catalogue problems in an interface language. */
export function catalogueProblemTexts(lang: Language): CatalogueProblemTexts {
	return texts[lang];
}
