import type { Language } from './languages';

/*
 * The participants' messages of the small-group phase, apart from the rating page's so each page
 * loads only its own. Plain words: many participants read German as a second language.
 */
const de = {
	title: 'Kleingruppen',
	notRunning: 'Die Kleingruppen haben noch nicht begonnen oder sind beendet.',
	joinFirst: 'Bitte nehmen Sie zuerst am Workshop teil.',
	toRating: 'Zum Stimmungsbild',
	toGroups: 'Zu den Kleingruppen',
	groupsOpen: 'Jetzt arbeiten Kleingruppen an den Handlungsfeldern.',
	chooseTitle: 'In welcher Gruppe arbeiten Sie?',
	chooseIntro: 'Wählen Sie ein Handlungsfeld. Sie bleiben anonym.',
	members: (n: number) => (n === 1 ? '1 Person' : `${n} Personen`),
	choose: 'Gruppe wählen',
	changeGroup: 'Gruppe wechseln',
	yourGroup: 'Ihre Gruppe',
	figures: (admin: string, median: string, gap: string) => `Verwaltung: Stufe ${admin} · Workshop (Median): ${median} · Abweichung: ${gap}`,
	tooFew: 'zu wenige Bewertungen',
	notAssessable: 'nicht bewertbar',
	questionsTitle: 'Was die Verwaltung geantwortet hat',
	questionsIntro: 'Sehen Sie es bei einer Frage anders? Markieren Sie „sehe ich anders“ und schreiben Sie kurz, warum (freiwillig).',
	answer: 'Antwort der Verwaltung',
	noAnswer: 'keine abgestimmte Antwort',
	reasonOfAdmin: 'Begründung der Verwaltung',
	differ: 'sehe ich anders',
	differReason: 'Warum? (freiwillig)',
	differSave: 'Markieren',
	differUpdate: 'Begründung speichern',
	differRemove: 'Markierung entfernen',
	differMarked: '✓ Sie sehen das anders',
	proposeTitle: 'Ihr Vorschlag',
	what: 'Was sollte passieren?',
	who: 'Wer könnte es tun?',
	firstStep: 'Erster Schritt',
	optional: '(freiwillig)',
	propose: 'Vorschlag senden',
	proposed: 'Danke! Ihr Vorschlag ist da.',
	proposalsTitle: 'Vorschläge der Gruppe',
	noProposals: 'Noch keine Vorschläge. Schreiben Sie den ersten!',
	support: 'Unterstützen',
	supported: '✓ unterstützt',
	supportCount: (n: number) => (n === 1 ? '1 Unterstützung' : `${n} Unterstützungen`),
	yours: 'Ihr Vorschlag',
	at: (time: string) => `${time} Uhr`,
	live: 'Diese Seite aktualisiert sich von selbst.',
	reloadHint: 'Ohne JavaScript: Laden Sie die Seite neu, um neue Vorschläge zu sehen.',
	reload: 'Aktualisieren',
	errors: {
		groupPhaseClosed: 'Die Kleingruppen laufen gerade nicht.',
		notJoined: 'Bitte nehmen Sie zuerst am Workshop teil.',
		notInGroup: 'Bitte wählen Sie zuerst eine Gruppe.',
		tooManyProposals: 'Sie haben gerade viele Vorschläge geschrieben. Bitte warten Sie einige Minuten.',
		unknownProposalHere: 'Diesen Vorschlag gibt es in Ihrer Gruppe nicht (mehr).',
		unknownArea: 'Dieses Handlungsfeld gibt es in diesem Workshop nicht.',
		unknownQuestion: 'Diese Frage gehört nicht zu Ihrer Gruppe.',
		required: 'Bitte schreiben Sie, was passieren sollte.',
		tooLong: 'Der Text ist zu lang.',
		controlChars: 'Der Text enthält unzulässige Zeichen.',
		workshopEnded: 'Der Workshop ist beendet.',
		tooManyStreams: 'Zu viele offene Verbindungen. Bitte schließen Sie andere Fenster mit diesem Workshop.',
		invalid: 'Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.'
	}
};

const en: typeof de = {
	title: 'Small groups',
	notRunning: 'The small groups have not started yet or have ended.',
	joinFirst: 'Please join the workshop first.',
	toRating: 'To the quick poll',
	toGroups: 'To the small groups',
	groupsOpen: 'Small groups are now working on the areas.',
	chooseTitle: 'Which group are you working in?',
	chooseIntro: 'Choose an area. You stay anonymous.',
	members: (n: number) => (n === 1 ? '1 person' : `${n} people`),
	choose: 'Choose group',
	changeGroup: 'Change group',
	yourGroup: 'Your group',
	figures: (admin: string, median: string, gap: string) => `Administration: level ${admin} · Workshop (median): ${median} · Gap: ${gap}`,
	tooFew: 'too few ratings',
	notAssessable: 'not assessable',
	questionsTitle: 'What the administration answered',
	questionsIntro: 'Do you see a question differently? Mark “I see it differently” and say briefly why (optional).',
	answer: 'Administration’s answer',
	noAnswer: 'no agreed answer',
	reasonOfAdmin: 'Administration’s reason',
	differ: 'I see it differently',
	differReason: 'Why? (optional)',
	differSave: 'Mark',
	differUpdate: 'Save reason',
	differRemove: 'Remove mark',
	differMarked: '✓ You see this differently',
	proposeTitle: 'Your proposal',
	what: 'What should happen?',
	who: 'Who could do it?',
	firstStep: 'First step',
	optional: '(optional)',
	propose: 'Send proposal',
	proposed: 'Thank you! Your proposal is in.',
	proposalsTitle: 'The group’s proposals',
	noProposals: 'No proposals yet. Write the first one!',
	support: 'Support',
	supported: '✓ supported',
	supportCount: (n: number) => (n === 1 ? '1 supporter' : `${n} supporters`),
	yours: 'Your proposal',
	at: (time: string) => time,
	live: 'This page updates itself.',
	reloadHint: 'Without JavaScript: reload the page to see new proposals.',
	reload: 'Reload',
	errors: {
		groupPhaseClosed: 'The small groups are not running.',
		notJoined: 'Please join the workshop first.',
		notInGroup: 'Please choose a group first.',
		tooManyProposals: 'You have written many proposals just now. Please wait a few minutes.',
		unknownProposalHere: 'This proposal does not exist in your group (any more).',
		unknownArea: 'This area is not part of this workshop.',
		unknownQuestion: 'This question does not belong to your group.',
		required: 'Please write what should happen.',
		tooLong: 'The text is too long.',
		controlChars: 'The text contains characters that are not allowed.',
		workshopEnded: 'The workshop has ended.',
		tooManyStreams: 'Too many open connections. Please close other windows with this workshop.',
		invalid: 'That did not work. Please try again.'
	}
};

export type GroupPhaseMessages = typeof de;

export function groupPhaseMessages(lang: Language): GroupPhaseMessages {
	return lang === 'en' ? en : de;
}

export function groupPhaseError(m: GroupPhaseMessages, code: string): string {
	const errors = m.errors as Record<string, string>;
	return errors[code] ?? m.errors.invalid;
}
