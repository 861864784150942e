import type { Language } from './languages';

/*
 * The participants' messages, kept apart from the staff catalogue so the pages phones load stay
 * small. Plain words: many participants read German as a second language.
 */
const de = {
	startTitle: 'Selbstcheck Weltoffene Kommune',
	startJoinIntro: 'Sie sind zu einem Workshop eingeladen? Geben Sie den Code ein, den Sie auf der Leinwand oder der Einladung sehen.',
	startStaffTitle: 'Für Mitarbeitende der Verwaltung',
	startStaffIntro: 'Sie beantworten den Fragebogen oder koordinieren den Selbstcheck?',
	startStaffLogin: 'Anmelden',
	legal: 'Rechtliches',
	imprint: 'Impressum',
	privacy: 'Datenschutz',
	accessibility: 'Barrierefreiheit',
	title: 'Stimmungsbild',
	language: 'Sprache',
	codeTitle: 'Am Workshop teilnehmen',
	codeIntro: 'Geben Sie den Code ein, den Sie auf der Leinwand sehen.',
	codeLabel: 'Code (6 Zeichen)',
	codeSubmit: 'Weiter',
	unknownCode: 'Diesen Code gibt es nicht. Bitte prüfen Sie den Code und geben Sie ihn noch einmal ein.',
	invalidCode: 'Ein Code hat 6 Buchstaben oder Ziffern, zum Beispiel K7M2QX.',
	tooManyCodes: 'Zu viele falsche Codes. Bitte warten Sie einige Minuten.',
	ended: 'Dieser Workshop ist beendet. Vielen Dank für Ihre Teilnahme!',
	endedOther: 'Sie können einen anderen Code eingeben:',
	anonymous: 'Sie bleiben anonym: Wir speichern keinen Namen, keine E-Mail-Adresse und keine IP-Adresse.',
	groupTitle: 'Aus welchem Bereich kommen Sie?',
	groupIntro: 'Das hilft, die Ergebnisse einzuordnen. Gruppen mit wenigen Personen werden nicht einzeln gezeigt.',
	noGroup: 'keine Angabe',
	continue: 'Weiter',
	yourGroup: (group: string) => `Ihr Bereich: ${group}`,
	changeGroup: 'Bereich ändern',
	rateIntro: 'Wie weit ist unsere Kommune in diesem Handlungsfeld? Stufe 1 ist die beste.',
	level: (n: number) => `Stufe ${n}`,
	cannotJudge: 'kann ich nicht beurteilen',
	save: 'Bewertung speichern',
	saved: 'Gespeichert',
	yourRating: 'Ihre Bewertung',
	canChange: 'Sie können Ihre Bewertung ändern, solange das Handlungsfeld offen ist.',
	closed: 'Die Bewertung für dieses Handlungsfeld ist geschlossen.',
	notYetOpen: 'Noch nicht geöffnet. Warten Sie bitte auf die Moderation.',
	nothingOpen: 'Gerade ist kein Handlungsfeld zur Bewertung geöffnet. Diese Seite zeigt es an, sobald es losgeht.',
	reloadHint: 'Ohne JavaScript: Laden Sie die Seite neu, um den aktuellen Stand zu sehen.',
	reload: 'Aktualisieren',
	notRated: 'noch nicht bewertet',
	live: 'Diese Seite aktualisiert sich von selbst.',
	offline: 'Keine Verbindung. Die Seite versucht es weiter …',
	openBadge: 'offen – jetzt bewerten',
	notYetOpenShort: 'noch nicht geöffnet',
	closedWithRating: (rating: string) => `geschlossen – Ihre Bewertung: ${rating}`,
	closedNoRating: 'geschlossen – nicht bewertet',
	saveStatus: 'Speicherstatus',
	saveState: { saving: 'speichert …', saved: '✓ gespeichert', retrying: 'nicht gespeichert –', refused: 'nicht gespeichert' },
	retry: 'erneut versuchen',
	retryingHint: 'Keine Verbindung. Die Seite versucht es automatisch weiter.',
	areaOpened: (names: string) => `Jetzt offen: ${names}`,
	jumpToOpen: (n: number) => `↑ Jetzt offen: Handlungsfeld ${n}`,
	openAreasTitle: 'Jetzt bewerten',
	otherAreasTitle: 'Weitere Handlungsfelder',
	errors: {
		workshopEnded: 'Der Workshop ist beendet. Bewertungen sind nicht mehr möglich.',
		areaClosed: 'Dieses Handlungsfeld wurde geschlossen, bevor Ihre Bewertung ankam. Diese Bewertung wurde nicht gespeichert.',
		unknownArea: 'Dieses Handlungsfeld wird in diesem Workshop nicht bewertet.',
		invalidLevel: 'Bitte wählen Sie eine Stufe.',
		invalidGroup: 'Bitte wählen Sie einen Bereich aus der Liste.',
		notJoined: 'Bitte wählen Sie zuerst Ihren Bereich.',
		tooManyBallots: 'Gerade kommen sehr viele neue Teilnahmen aus Ihrem Netz. Bitte warten Sie eine Minute und versuchen Sie es dann noch einmal.',
		tooManyStreams: 'Zu viele offene Verbindungen. Bitte schließen Sie andere Fenster mit diesem Workshop.',
		invalid: 'Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.'
	}
};

const en: typeof de = {
	startTitle: 'Welcoming Municipality Self-Check',
	startJoinIntro: 'Invited to a workshop? Enter the code you see on the screen or in the invitation.',
	startStaffTitle: 'For staff of the administration',
	startStaffIntro: 'Do you answer the questionnaire or coordinate the self-check?',
	startStaffLogin: 'Log in',
	legal: 'Legal',
	imprint: 'Legal notice',
	privacy: 'Privacy',
	accessibility: 'Accessibility',
	title: 'Quick poll',
	language: 'Language',
	codeTitle: 'Join the workshop',
	codeIntro: 'Enter the code you see on the screen.',
	codeLabel: 'Code (6 characters)',
	codeSubmit: 'Continue',
	unknownCode: 'This code does not exist. Please check the code and enter it again.',
	invalidCode: 'A code has 6 letters or digits, for example K7M2QX.',
	tooManyCodes: 'Too many wrong codes. Please wait a few minutes.',
	ended: 'This workshop has ended. Thank you for taking part!',
	endedOther: 'You can enter another code:',
	anonymous: 'You stay anonymous: we store no name, no email address and no IP address.',
	groupTitle: 'Which sector are you from?',
	groupIntro: 'This helps to understand the results. Groups with only a few people are not shown separately.',
	noGroup: 'prefer not to say',
	continue: 'Continue',
	yourGroup: (group: string) => `Your sector: ${group}`,
	changeGroup: 'Change sector',
	rateIntro: 'How far is our municipality in this area? Level 1 is the best.',
	level: (n: number) => `Level ${n}`,
	cannotJudge: 'I cannot judge this',
	save: 'Save rating',
	saved: 'Saved',
	yourRating: 'Your rating',
	canChange: 'You can change your rating as long as the area is open.',
	closed: 'Rating for this area is closed.',
	notYetOpen: 'Not open yet. Please wait for the facilitator.',
	nothingOpen: 'No area is open for rating right now. This page shows it as soon as it starts.',
	reloadHint: 'Without JavaScript: reload the page to see the current state.',
	reload: 'Refresh',
	notRated: 'not rated yet',
	live: 'This page updates itself.',
	offline: 'No connection. The page keeps trying …',
	openBadge: 'open – rate now',
	notYetOpenShort: 'not open yet',
	closedWithRating: (rating: string) => `closed – your rating: ${rating}`,
	closedNoRating: 'closed – not rated',
	saveStatus: 'Save status',
	saveState: { saving: 'saving …', saved: '✓ saved', retrying: 'not saved –', refused: 'not saved' },
	retry: 'try again',
	retryingHint: 'No connection. The page keeps trying automatically.',
	areaOpened: (names: string) => `Open now: ${names}`,
	jumpToOpen: (n: number) => `↑ Open now: area ${n}`,
	openAreasTitle: 'Rate now',
	otherAreasTitle: 'Other areas',
	errors: {
		workshopEnded: 'The workshop has ended. Ratings are no longer possible.',
		areaClosed: 'This area was closed before your rating arrived. This rating was not saved.',
		unknownArea: 'This area is not rated in this workshop.',
		invalidLevel: 'Please choose a level.',
		invalidGroup: 'Please choose a sector from the list.',
		notJoined: 'Please choose your sector first.',
		tooManyBallots: 'Very many people are joining from your network right now. Please wait a minute and then try again.',
		tooManyStreams: 'Too many open connections. Please close other windows with this workshop.',
		invalid: 'That did not work. Please try again.'
	}
};

export type ParticipantMessages = typeof de;

export function participantMessages(lang: Language): ParticipantMessages {
	return lang === 'en' ? en : de;
}

export function participantError(m: ParticipantMessages, code: string): string {
	const errors = m.errors as Record<string, string>;
	return errors[code] ?? m.errors.invalid;
}

/** Stakeholder group names are German data; English pages show a translation of the defaults. */
const GROUPS_EN: Record<string, string> = {
	Verwaltung: 'Administration',
	Politik: 'Politics',
	Zivilgesellschaft: 'Civil society',
	Wirtschaft: 'Business',
	Migrantenorganisation: 'Migrant organisation',
	Sonstige: 'Other'
};

export function groupLabel(group: string, lang: Language): string {
	return lang === 'en' ? (GROUPS_EN[group] ?? group) : group;
}
