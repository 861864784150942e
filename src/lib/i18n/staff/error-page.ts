import type { Language } from './languages';

/** The error page's few messages, small because every page's client bundle carries the root error page. */
const messages = {
	de: {
		title: 'Fehler',
		notFound: 'Diese Seite gibt es nicht oder Sie haben keinen Zugriff darauf.',
		forbidden: 'Für diese Seite fehlt Ihnen die Berechtigung. Bitte melden Sie sich mit einem passenden Konto an.',
		generic: 'Etwas ist schiefgegangen. Bitte versuchen Sie es noch einmal.',
		badRequest: 'Die Anfrage konnte nicht gelesen werden. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.',
		tooLarge: 'Die Anfrage ist zu groß und wurde nicht angenommen.',
		home: 'Zur Startseite'
	},
	en: {
		title: 'Error',
		notFound: 'This page does not exist or you have no access to it.',
		forbidden: 'You do not have permission for this page. Please log in with a suitable account.',
		generic: 'Something went wrong. Please try again.',
		badRequest: 'The request could not be read. Please reload the page and try again.',
		tooLarge: 'The request is too large and was not accepted.',
		home: 'Go to the start page'
	}
} satisfies Record<Language, Record<string, string>>;

export function errorPageMessages(lang: Language) {
	return messages[lang];
}
