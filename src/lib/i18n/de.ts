/** German, the source language. English (en.ts) must have the same shape; svelte-check enforces it. */
export const de = {
	app: {
		name: 'Selbstcheck Weltoffene Kommune',
		skipToContent: 'Zum Inhalt springen',
		language: 'Sprache',
		logout: 'Abmelden'
	},
	errorPage: {
		title: 'Fehler',
		notFound: 'Diese Seite gibt es nicht oder Sie haben keinen Zugriff darauf.',
		forbidden: 'Für diese Seite fehlt Ihnen die Berechtigung. Bitte melden Sie sich mit einem passenden Konto an.',
		generic: 'Etwas ist schiefgegangen. Bitte versuchen Sie es noch einmal.',
		home: 'Zur Startseite'
	},
	login: {
		title: 'Anmelden',
		intro: 'Für Mitarbeitende der Verwaltung, Koordination und Moderation.',
		email: 'E-Mail-Adresse',
		password: 'Passwort',
		submit: 'Anmelden',
		invalidCredentials: 'E-Mail-Adresse oder Passwort ist falsch. Bitte prüfen Sie Ihre Eingabe.',
		tooManyAttempts: (minutes: number) =>
			`Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} erneut.`,
		loggedOut: 'Sie sind abgemeldet.'
	},
	roles: {
		coordinator: 'Koordination',
		editor: 'Bearbeitung',
		facilitator: 'Moderation'
	},
	nav: {
		label: 'Bereiche der Kommune',
		municipality: 'Kommune',
		yourRole: 'Ihre Rolle',
		assessments: 'Selbstcheck-Durchläufe',
		staff: 'Mitarbeitende',
		catalogues: 'Fragenkataloge'
	},
	municipalities: {
		title: 'Ihre Kommunen',
		none: 'Ihr Konto gehört zu keiner Kommune (mehr). Bitte wenden Sie sich an Ihre Koordination.'
	},
	assessments: {
		title: 'Selbstcheck-Durchläufe',
		intro: 'Jeder Durchlauf ist an die Version des Fragenkatalogs gebunden, mit der er angelegt wurde.',
		none: 'Noch kein Selbstcheck-Durchlauf angelegt.',
		name: 'Name',
		nameHint: 'z. B. „Selbstcheck 2026“',
		status: 'Status',
		catalogue: 'Fragenkatalog',
		catalogueHint: 'Die Version bleibt für diesen Durchlauf fest.',
		questions: 'Fragen',
		createdAt: 'Angelegt am',
		createTitle: 'Neuen Durchlauf anlegen',
		create: 'Durchlauf anlegen',
		created: (name: string) => `Der Durchlauf „${name}“ wurde angelegt.`
	},
	staff: {
		title: 'Mitarbeitende',
		intro: 'Konten der Verwaltung für diese Kommune. Deaktivierte Personen können die Daten dieser Kommune nicht mehr sehen.',
		name: 'Name',
		email: 'E-Mail-Adresse',
		role: 'Rolle',
		roleFor: (name: string) => `Rolle von ${name}`,
		roleHint: 'Koordination: verwaltet Kommune, Konten und Ergebnisse. Bearbeitung: beantwortet Fragen. Moderation: leitet den Workshop.',
		status: 'Status',
		actions: 'Aktionen',
		active: 'aktiv',
		inactive: 'deaktiviert',
		you: 'Sie',
		saveRole: 'Rolle speichern',
		deactivate: 'Deaktivieren',
		activate: 'Wieder aktivieren',
		resetPassword: 'Passwort zurücksetzen',
		createTitle: 'Konto anlegen',
		createIntro: 'Die Person bekommt ein Einmal-Passwort, das Sie ihr persönlich oder telefonisch weitergeben. Sie kann es unter „Mein Konto“ ändern.',
		create: 'Konto anlegen',
		created: (name: string) => `Konto für ${name} angelegt.`,
		added: (name: string) =>
			`${name} hat bereits ein Konto (in einer anderen Kommune) und wurde hinzugefügt. Die Anmeldung erfolgt mit dem bisherigen Passwort.`,
		resetDone: (name: string) => `Das Passwort von ${name} wurde zurückgesetzt; alle Anmeldungen dieser Person sind beendet.`,
		oneTimePassword: 'Einmal-Passwort:',
		passwordHandOver: (email: string) =>
			`Geben Sie es sicher an ${email} weiter. Es wird nur jetzt angezeigt.`,
		deactivated: (name: string) => `${name} wurde deaktiviert.`,
		activated: (name: string) => `${name} ist wieder aktiv.`,
		roleChanged: (name: string) => `Die Rolle von ${name} wurde geändert.`
	},
	catalogues: {
		title: 'Fragenkataloge',
		intro: 'Der Fragenkatalog ist eine versionierte Datei. Eine Version, die ein Durchlauf nutzt, wird nie verändert; Änderungen kommen als neue Version.',
		name: 'Katalog',
		version: 'Version',
		questions: 'Fragen',
		questionCount: (n: number) => `${n} Fragen`,
		source: 'Herkunft',
		shipped: 'mitgeliefert',
		imported: (date: string) => `importiert am ${date}`,
		usage: 'Verwendung',
		usedBy: (n: number) => (n === 0 ? 'nicht verwendet' : n === 1 ? 'in 1 Durchlauf' : `in ${n} Durchläufen`),
		actions: 'Aktionen',
		export: 'Als Datei herunterladen',
		importTitle: 'Fragenkatalog importieren',
		importIntro: 'Laden Sie eine Katalogdatei (JSON) hoch. Eine fehlerhafte Datei wird vollständig abgelehnt; alle Fehler werden mit ihrer Stelle in der Datei aufgelistet.',
		file: 'Katalogdatei',
		fileHint: 'JSON, höchstens 2 MB',
		import: 'Importieren',
		importStored: (title: string, version: string, questions: number) =>
			`„${title}“ Version ${version} mit ${questions} Fragen wurde gespeichert.`,
		importUnchanged: (title: string, version: string) =>
			`„${title}“ Version ${version} ist bereits genau so gespeichert; es wurde nichts geändert.`,
		problemCount: (n: number) => (n === 1 ? '1 Fehler gefunden:' : `${n} Fehler gefunden:`),
		wholeFile: 'Datei',
		scaleTitle: 'Antwortskala',
		levelsTitle: 'Stufen',
		notCounted: 'zählt nicht',
		points: (n: number) => (n === 1 ? '1 Punkt' : `${n} Punkte`),
		level: (n: number) => `Stufe ${n}`,
		fromScore: (n: number) => `ab ${n} %`,
		versionExists: (version: string) =>
			`Version ${version} dieses Katalogs ist bereits mit anderem Inhalt gespeichert. Gespeicherte Versionen ändern sich nie: Bitte geben Sie der Datei eine neue Versionsnummer.`,
		recommendations: 'Anregungen zur Weiterarbeit je Stufe'
	},
	account: {
		title: 'Mein Konto',
		toMunicipalities: 'Zu Ihren Kommunen',
		passwordTitle: 'Passwort ändern',
		current: 'Aktuelles Passwort',
		next: 'Neues Passwort',
		nextHint: 'mindestens 10 Zeichen',
		confirm: 'Neues Passwort wiederholen',
		submit: 'Passwort ändern',
		changed: 'Ihr Passwort wurde geändert.'
	},
	questionnaire: {
		progressOf: (answered: number, total: number) => `${answered} von ${total} beantwortet`,
		overview: 'Übersicht',
		agreement: 'Abstimmung',
		results: 'Ergebnis der Verwaltung',
		sections: 'Bereiche des Durchlaufs',
		status: { open: 'offen', closed: 'abgeschlossen' },
		closedNotice: 'Der Fragebogen ist abgeschlossen. Die Antworten sind jetzt schreibgeschützt, das Ergebnis steht fest.',
		reopenedNotice: 'Der Fragebogen ist wieder geöffnet. Antworten können wieder geändert werden.',
		assignedNotice: 'Die Zuständigkeiten wurden gespeichert.',
		closedInfo: (date: string) => `Abgeschlossen am ${date}. Antworten können nicht mehr geändert werden.`,
		myAreas: 'Meine Handlungsfelder',
		noAreas: 'Ihnen ist noch kein Handlungsfeld zugewiesen. Die Koordination weist die Handlungsfelder zu.',
		coordinatorNoAreas: 'Sie haben sich kein Handlungsfeld selbst zugewiesen. Als Koordination können Sie trotzdem jedes Handlungsfeld beantworten: Wählen Sie es unten unter „Fortschritt je Handlungsfeld“.',
		overall: 'Insgesamt',
		facilitatorInfo: 'Als Moderation sehen Sie das Ergebnis der Verwaltung, sobald Antworten abgestimmt sind.',
		openDisagreements: (n: number) =>
			n === 0 ? 'Keine offenen Abweichungen.' : n === 1 ? '1 Frage mit unterschiedlichen Antworten wartet auf Abstimmung.' : `${n} Fragen mit unterschiedlichen Antworten warten auf Abstimmung.`,
		toAgreement: 'Zur Abstimmung',
		csvExport: 'Alle Antworten als CSV (Excel) herunterladen',
		progressByArea: 'Fortschritt je Handlungsfeld',
		area: 'Handlungsfeld',
		answeredByAnyone: 'Beantwortet (von mindestens einer Person)',
		progressByPerson: 'Fortschritt je Person',
		assignedAreas: 'Zuständig für Handlungsfeld',
		answeredOwn: 'Eigene Antworten',
		assignTitle: 'Wer beantwortet welches Handlungsfeld?',
		assignIntro: 'Mehrere Personen können dasselbe Handlungsfeld beantworten; Abweichungen stimmen Sie danach ab. Die Koordination kann alle Handlungsfelder beantworten.',
		assignLabel: (area: string, person: string) => `${person} beantwortet ${area}`,
		saveAssignments: 'Zuständigkeiten speichern',
		closeTitle: 'Fragebogen abschließen',
		closeIntro: 'Nach dem Abschließen sind alle Antworten schreibgeschützt und das Ergebnis steht fest. Sie können den Fragebogen später wieder öffnen; das wird protokolliert.',
		close: 'Fragebogen abschließen',
		reopenTitle: 'Fragebogen wieder öffnen',
		reopenIntro: 'Öffnen Sie den Fragebogen nur, wenn Antworten noch geändert werden müssen. Das Wiederöffnen wird protokolliert.',
		reopen: 'Wieder öffnen',
		statusHistory: 'Verlauf',
		statusChange: { closed: 'abgeschlossen', reopened: 'wieder geöffnet' },
		saveState: {
			saving: 'Wird gespeichert …',
			saved: '✓ Gespeichert',
			retrying: 'Keine Verbindung – wird automatisch erneut gesendet …',
			refused: 'Nicht gespeichert:'
		},
		backToOverview: 'Zurück zur Übersicht',
		savedCount: (n: number) => (n === 0 ? 'Gespeichert. Es gab keine Änderungen.' : n === 1 ? 'Gespeichert: 1 Antwort geändert.' : `Gespeichert: ${n} Antworten geändert.`),
		readOnly: 'Der Fragebogen ist abgeschlossen. Sie können die Antworten lesen, aber nicht mehr ändern.',
		answerHelp: 'Wählen Sie für jede Frage, wie weit die Maßnahme umgesetzt ist. Jede Auswahl wird sofort gespeichert. Ohne JavaScript speichern Sie mit dem Knopf am Ende der Seite.',
		commentAndEvidence: 'Kommentar und Nachweis',
		comment: 'Kommentar',
		evidence: 'Nachweis',
		evidenceHint: '(z. B. Ratsbeschluss, Link oder Fundstelle)',
		history: 'Verlauf dieser Frage',
		saveAll: 'Alle Antworten speichern',
		noValue: 'keine Antwort',
		filter: 'Fragen filtern',
		filterOpen: (n: number) => `Offene Abweichungen (${n})`,
		filterAnswered: 'Alle beantworteten Fragen',
		filterAll: 'Alle Fragen',
		allAreas: 'Alle Handlungsfelder',
		show: 'Anzeigen',
		statusCounts: (agreed: number, resolved: number, open: number, unanswered: number) =>
			`${agreed} übereinstimmend · ${resolved} abgestimmt · ${open} offen · ${unanswered} unbeantwortet`,
		nothingToShow: 'Keine Fragen für diese Auswahl.',
		agreementStatus: {
			unanswered: 'unbeantwortet',
			agreed: 'übereinstimmend',
			disagreement: 'offene Abweichung',
			resolved: 'abgestimmt'
		},
		agreementIntro: 'Hier sehen Sie die Antworten aller Beteiligten nebeneinander. Wo alle gleich geantwortet haben, gilt diese Antwort automatisch. Wo sie sich unterscheiden, legen Sie die abgestimmte Antwort fest und begründen sie. Nur abgestimmte Antworten zählen für das Ergebnis.',
		ratersFor: (id: string) => `Antworten zu Frage ${id}`,
		answer: 'Antwort',
		spread: (min: number, max: number) => `Spannweite: ${min} bis ${max} Punkte`,
		noAnswersYet: 'Noch keine Antworten.',
		agreedAnswer: 'Abgestimmte Antwort',
		automatic: 'automatisch, alle stimmen überein',
		setBy: (name: string, date: string) => `festgelegt von ${name}, ${date}`,
		reason: 'Begründung',
		reasonHint: '(Pflicht, wenn die Antworten sich unterscheiden)',
		agreedSaved: (id: string) => `Die abgestimmte Antwort zu Frage ${id} wurde gespeichert.`,
		conflictDetail: (name: string, date: string, value: string) =>
			`${name} hat die abgestimmte Antwort am ${date} auf „${value}“ gesetzt.`,
		conflictHint: 'Ihre Eingabe steht noch im Formular. Prüfen Sie die neue Antwort und speichern Sie erneut, wenn Sie sie trotzdem ändern möchten.',
		changeAgreed: 'Abgestimmte Antwort ändern',
		setAgreed: 'Abgestimmte Antwort festlegen',
		saveAgreed: 'Abgestimmte Antwort speichern',
		historyOf: (id: string) => `Verlauf von Frage ${id}`,
		backToArea: 'Zum Handlungsfeld',
		noHistory: 'Zu dieser Frage gibt es noch keine Änderungen.',
		when: 'Wann',
		who: 'Wer',
		what: 'Was',
		change: 'Änderung',
		historyAnswer: 'Antwort',
		historyAutomatic: 'abgestimmte Antwort (automatisch)',
		historyAgreed: 'abgestimmte Antwort'
	},
	results: {
		title: 'Ergebnis der Verwaltung',
		intro: 'Je Handlungsfeld: der Anteil der erreichten Punkte aus den abgestimmten Antworten und die daraus folgende Stufe (Stufe 1 ist die beste).',
		provisional: 'Vorläufiges Ergebnis: Der Fragebogen ist noch offen.',
		openDisagreements: (n: number) => (n === 1 ? '1 Frage ist noch nicht abgestimmt und zählt noch nicht.' : `${n} Fragen sind noch nicht abgestimmt und zählen noch nicht.`),
		chartTitle: 'Punkte je Handlungsfeld im Vergleich zu den Stufen',
		chartHelp: 'Je länger der Balken, desto weiter ist die Kommune. Die Flächen im Hintergrund zeigen die Stufen; ganz rechts liegt Stufe 1.',
		tableHint: 'Die Zahlen stehen in der Tabelle unter dem Diagramm.',
		tableTitle: 'Ergebnis als Tabelle',
		answered: 'Abgestimmte Antworten',
		score: 'Punkte',
		level: 'Stufe',
		answeredOf: (answered: number, total: number, unknown: number) =>
			`${answered} von ${total}${unknown > 0 ? ` (dazu ${unknown}× „weiß nicht“)` : ''}`,
		percent: (n: number) => `${n.toLocaleString('de-DE')} %`,
		notAssessable: 'nicht bewertbar',
		notAssessableHelp: 'Weniger als die Hälfte der Fragen hat eine abgestimmte Antwort. Beantworten und stimmen Sie weitere Fragen ab.',
		method: 'Berechnung: Punkte geteilt durch (3 × beantwortete Fragen). „Weiß nicht / trifft nicht zu“ zählt nicht. Ist weniger als die Hälfte beantwortet, ist das Handlungsfeld nicht bewertbar.',
		recommendationsTitle: 'Anregungen zur Weiterarbeit'
	},
	csv: {
		questionId: 'Frage-ID',
		area: 'Handlungsfeld',
		topic: 'Thema',
		question: 'Frage',
		raterAnswer: (name: string) => `${name}: Antwort`,
		raterComment: (name: string) => `${name}: Kommentar`,
		raterEvidence: (name: string) => `${name}: Nachweis`,
		agreed: 'Abgestimmte Antwort',
		reason: 'Begründung',
		fileSuffix: 'Antworten'
	},
	errors: {
		closed: 'Der Fragebogen ist abgeschlossen; Antworten können nicht mehr geändert werden.',
		notClosed: 'Der Fragebogen ist nicht abgeschlossen.',
		unknownQuestion: 'Diese Frage gehört nicht zum Fragenkatalog dieses Durchlaufs.',
		invalidValue: 'Diese Antwort gibt es auf der Antwortskala nicht.',
		notAssigned: 'Dieses Handlungsfeld ist Ihnen nicht zugewiesen. Die Koordination kann es Ihnen zuweisen.',
		reasonRequired: 'Die Antworten unterscheiden sich: Bitte begründen Sie die abgestimmte Antwort.',
		invalidArea: 'Dieses Handlungsfeld gibt es nicht.',
		versionConflict: 'Jemand anderes hat die abgestimmte Antwort inzwischen geändert. Ihre Änderung wurde nicht gespeichert.',
		answersNotSaved: 'Die Antworten wurden nicht gespeichert. Bitte korrigieren Sie die markierten Fragen; Ihre Eingaben stehen noch im Formular.',
		commentTooLong: 'Der Text ist zu lang (höchstens 2.000 Zeichen).',
		evidenceTooLong: 'Der Nachweis ist zu lang (höchstens 1.000 Zeichen).',
		chooseValue: 'Bitte wählen Sie eine Antwort.',
		invalidJson: 'Die Anfrage ist kein gültiges JSON.',
		login: 'Bitte melden Sie sich an.',
		notFound: 'Nicht gefunden oder kein Zugriff.',
		forbidden: 'Dafür fehlt Ihnen die Berechtigung.',
		required: 'Bitte füllen Sie dieses Feld aus.',
		tooLong: 'Dieser Text ist zu lang.',
		tooShort: 'Dieser Text ist zu kurz.',
		invalid: 'Diese Eingabe ist ungültig.',
		email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@stadt.de.',
		role: 'Bitte wählen Sie eine Rolle.',
		catalogue: 'Bitte wählen Sie einen vorhandenen Fragenkatalog.',
		assessmentExists: 'Einen Durchlauf mit diesem Namen gibt es schon. Bitte wählen Sie einen anderen Namen.',
		alreadyMember: 'Diese Person gehört bereits zu dieser Kommune.',
		unknownStaff: 'Diese Person gehört nicht zu dieser Kommune.',
		notYourself: 'Ihr eigenes Konto können Sie hier nicht ändern; nutzen Sie „Mein Konto“.',
		resetElsewhere:
			'Diese Person arbeitet auch für eine Kommune, in der Sie keine Koordination sind. Das Passwort kann nur dort oder von ihr selbst geändert werden.',
		passwordTooShort: 'Das neue Passwort muss mindestens 10 Zeichen lang sein.',
		passwordMismatch: 'Die beiden neuen Passwörter stimmen nicht überein.',
		currentPasswordWrong: 'Das aktuelle Passwort ist falsch.',
		fileRequired: 'Bitte wählen Sie eine Katalogdatei aus.',
		fileTooLarge: 'Die Datei ist größer als 2 MB und wurde nicht angenommen.',
		catalogueInvalid: 'Die Datei ist kein gültiger Fragenkatalog und wurde nicht importiert.'
	},
	catalogueProblem: (code: string, params: Record<string, string | number>): string => {
		switch (code) {
			case 'required': return 'Pflichtangabe fehlt oder ist leer';
			case 'wrongType': return `falscher Typ (erwartet: ${params.expected})`;
			case 'tooFewItems': return `zu wenige Einträge (mindestens ${params.minimum})`;
			case 'tooManyItems': return `zu viele Einträge (höchstens ${params.maximum})`;
			case 'tooSmall': return `Wert zu klein (mindestens ${params.minimum})`;
			case 'tooBig': return `Wert zu groß (höchstens ${params.maximum})`;
			case 'unknownKeys': return `unbekannte Felder: ${params.keys}`;
			case 'invalidId': return 'ungültige Kennung (erlaubt: Buchstaben, Ziffern, Punkt, Binde- und Unterstrich)';
			case 'invalidVersion': return 'ungültige Versionsangabe (z. B. „2026.1“)';
			case 'invalidJson': return `keine gültige JSON-Datei (${params.detail})`;
			case 'duplicateValue': return `Antwortwert „${params.value}“ kommt doppelt vor`;
			case 'scaleWithoutPoints': return 'die Antwortskala braucht mindestens einen Wert mit Punkten';
			case 'levelOrder': return `Stufen müssen 1 bis 4 in dieser Reihenfolge sein (erwartet: ${params.expected})`;
			case 'levelThresholds': return 'die Schwellen müssen von Stufe 1 zu Stufe 4 abnehmen';
			case 'lowestLevelZero': return 'Stufe 4 muss bei 0 % beginnen';
			case 'areaOrder': return `Handlungsfelder müssen in der offiziellen Reihenfolge stehen (erwartet: ${params.expected})`;
			case 'areaName': return `offizieller Name erwartet: „${params.expected}“`;
			case 'duplicateTopic': return 'ein Thema kommt doppelt vor';
			case 'duplicateQuestionId': return `Frage-Kennung „${params.id}“ kommt doppelt vor`;
			case 'unknownTopic': return `Thema „${params.topic}“ ist in diesem Handlungsfeld nicht definiert`;
			case 'topicRequired': return 'dieses Handlungsfeld hat Themen; jede Frage braucht ein Thema';
			default: return 'ungültiger Wert';
		}
	}
};
