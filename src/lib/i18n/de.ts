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
	errors: {
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
