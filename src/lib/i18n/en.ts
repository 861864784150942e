import type { Messages } from './index';

export const en: Messages = {
	app: {
		name: 'Welcoming Municipality Self-Check',
		skipToContent: 'Skip to content',
		language: 'Language',
		logout: 'Log out'
	},
	errorPage: {
		title: 'Error',
		notFound: 'This page does not exist or you have no access to it.',
		forbidden: 'You do not have permission for this page. Please log in with a suitable account.',
		generic: 'Something went wrong. Please try again.',
		home: 'Go to the start page'
	},
	login: {
		title: 'Log in',
		intro: 'For staff of the administration, coordination and facilitation.',
		email: 'Email address',
		password: 'Password',
		submit: 'Log in',
		invalidCredentials: 'Email address or password is wrong. Please check what you entered.',
		tooManyAttempts: (minutes: number) =>
			`Too many failed login attempts. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
		loggedOut: 'You are logged out.'
	},
	roles: {
		coordinator: 'Coordination',
		editor: 'Editor',
		facilitator: 'Facilitation'
	},
	nav: {
		label: 'Sections of the municipality',
		municipality: 'Municipality',
		yourRole: 'Your role',
		assessments: 'Self-check rounds',
		staff: 'Staff',
		catalogues: 'Question catalogues'
	},
	municipalities: {
		title: 'Your municipalities',
		none: 'Your account does not belong to any municipality (any more). Please contact your coordination.'
	},
	assessments: {
		title: 'Self-check rounds',
		intro: 'Each round is pinned to the version of the question catalogue it was created with.',
		none: 'No self-check round yet.',
		name: 'Name',
		nameHint: 'e.g. “Self-check 2026”',
		status: 'Status',
		catalogue: 'Question catalogue',
		catalogueHint: 'The version stays fixed for this round.',
		questions: 'Questions',
		createdAt: 'Created on',
		createTitle: 'Create a new round',
		create: 'Create round',
		created: (name: string) => `The round “${name}” was created.`
	},
	staff: {
		title: 'Staff',
		intro: 'Administration accounts for this municipality. Deactivated people can no longer see this municipality’s data.',
		name: 'Name',
		email: 'Email address',
		role: 'Role',
		roleFor: (name: string) => `Role of ${name}`,
		roleHint: 'Coordination: manages the municipality, accounts and results. Editor: answers questions. Facilitation: runs the workshop.',
		status: 'Status',
		actions: 'Actions',
		active: 'active',
		inactive: 'deactivated',
		you: 'you',
		saveRole: 'Save role',
		deactivate: 'Deactivate',
		activate: 'Activate again',
		resetPassword: 'Reset password',
		createTitle: 'Create an account',
		createIntro: 'The person gets a one-time password that you pass on in person or by phone. They can change it under “My account”.',
		create: 'Create account',
		created: (name: string) => `Account for ${name} created.`,
		added: (name: string) =>
			`${name} already has an account (in another municipality) and was added. They log in with their existing password.`,
		resetDone: (name: string) => `The password of ${name} was reset; all their sessions have ended.`,
		oneTimePassword: 'One-time password:',
		passwordHandOver: (email: string) => `Pass it on securely to ${email}. It is shown only now.`,
		deactivated: (name: string) => `${name} was deactivated.`,
		activated: (name: string) => `${name} is active again.`,
		roleChanged: (name: string) => `The role of ${name} was changed.`
	},
	catalogues: {
		title: 'Question catalogues',
		intro: 'The question catalogue is a versioned file. A version used by a round never changes; changes come as a new version.',
		name: 'Catalogue',
		version: 'Version',
		questions: 'Questions',
		questionCount: (n: number) => `${n} questions`,
		source: 'Source',
		shipped: 'shipped',
		imported: (date: string) => `imported on ${date}`,
		usage: 'Used',
		usedBy: (n: number) => (n === 0 ? 'not used' : n === 1 ? 'in 1 round' : `in ${n} rounds`),
		actions: 'Actions',
		export: 'Download as file',
		importTitle: 'Import a question catalogue',
		importIntro: 'Upload a catalogue file (JSON). A faulty file is refused as a whole; every problem is listed with its place in the file.',
		file: 'Catalogue file',
		fileHint: 'JSON, at most 2 MB',
		import: 'Import',
		importStored: (title: string, version: string, questions: number) =>
			`“${title}” version ${version} with ${questions} questions was stored.`,
		importUnchanged: (title: string, version: string) =>
			`“${title}” version ${version} is already stored exactly like this; nothing was changed.`,
		problemCount: (n: number) => (n === 1 ? '1 problem found:' : `${n} problems found:`),
		wholeFile: 'file',
		scaleTitle: 'Answer scale',
		levelsTitle: 'Levels',
		notCounted: 'not counted',
		points: (n: number) => (n === 1 ? '1 point' : `${n} points`),
		level: (n: number) => `Level ${n}`,
		fromScore: (n: number) => `from ${n} %`,
		versionExists: (version: string) =>
			`Version ${version} of this catalogue is already stored with different content. Stored versions never change: please give the file a new version number.`,
		recommendations: 'Suggestions for further work per level'
	},
	account: {
		title: 'My account',
		toMunicipalities: 'To your municipalities',
		passwordTitle: 'Change password',
		current: 'Current password',
		next: 'New password',
		nextHint: 'at least 10 characters',
		confirm: 'Repeat new password',
		submit: 'Change password',
		changed: 'Your password was changed.'
	},
	questionnaire: {
		progressOf: (answered: number, total: number) => `${answered} of ${total} answered`,
		overview: 'Overview',
		agreement: 'Agreement',
		results: "Administration's result",
		sections: 'Sections of the round',
		status: { open: 'open', closed: 'closed' },
		closedNotice: 'The questionnaire is closed. Answers are now read-only and the result is fixed.',
		reopenedNotice: 'The questionnaire is open again. Answers can be changed again.',
		assignedNotice: 'The assignments were saved.',
		closedInfo: (date: string) => `Closed on ${date}. Answers can no longer be changed.`,
		myAreas: 'My areas',
		noAreas: 'No area has been assigned to you yet. The coordination assigns the areas.',
		coordinatorNoAreas: 'You have not assigned an area to yourself. As coordination you can still answer any area: choose it below under “Progress per area”.',
		overall: 'Overall',
		facilitatorInfo: "As facilitation you see the administration's result once answers are agreed.",
		openDisagreements: (n: number) =>
			n === 0 ? 'No open disagreements.' : n === 1 ? '1 question with differing answers awaits agreement.' : `${n} questions with differing answers await agreement.`,
		toAgreement: 'Go to agreement',
		csvExport: 'Download all answers as CSV (Excel)',
		progressByArea: 'Progress per area',
		area: 'Area',
		answeredByAnyone: 'Answered (by at least one person)',
		progressByPerson: 'Progress per person',
		assignedAreas: 'Responsible for area',
		answeredOwn: 'Own answers',
		assignTitle: 'Who answers which area?',
		assignIntro: 'Several people can answer the same area; you agree on differences afterwards. The coordination can answer all areas.',
		assignLabel: (area: string, person: string) => `${person} answers ${area}`,
		saveAssignments: 'Save assignments',
		closeTitle: 'Close the questionnaire',
		closeIntro: 'After closing, all answers are read-only and the result is fixed. You can reopen the questionnaire later; this is recorded.',
		close: 'Close questionnaire',
		reopenTitle: 'Reopen the questionnaire',
		reopenIntro: 'Only reopen the questionnaire if answers still need to change. Reopening is recorded.',
		reopen: 'Reopen',
		statusHistory: 'History',
		statusChange: { closed: 'closed', reopened: 'reopened' },
		saveState: {
			saving: 'Saving …',
			saved: '✓ Saved',
			retrying: 'No connection – will be sent again automatically …',
			refused: 'Not saved:'
		},
		backToOverview: 'Back to the overview',
		savedCount: (n: number) => (n === 0 ? 'Saved. There were no changes.' : n === 1 ? 'Saved: 1 answer changed.' : `Saved: ${n} answers changed.`),
		readOnly: 'The questionnaire is closed. You can read the answers but no longer change them.',
		answerHelp: 'For each question, choose how far the measure is implemented. Each choice is saved at once. Without JavaScript, save with the button at the end of the page.',
		commentAndEvidence: 'Comment and evidence',
		comment: 'Comment',
		evidence: 'Evidence',
		evidenceHint: '(e.g. council decision, link or reference)',
		history: 'History of this question',
		saveAll: 'Save all answers',
		noValue: 'no answer',
		filter: 'Filter questions',
		filterOpen: (n: number) => `Open disagreements (${n})`,
		filterAnswered: 'All answered questions',
		filterAll: 'All questions',
		allAreas: 'All areas',
		show: 'Show',
		statusCounts: (agreed: number, resolved: number, open: number, unanswered: number) =>
			`${agreed} unanimous · ${resolved} agreed · ${open} open · ${unanswered} unanswered`,
		nothingToShow: 'No questions for this selection.',
		agreementStatus: {
			unanswered: 'unanswered',
			agreed: 'unanimous',
			disagreement: 'open disagreement',
			resolved: 'agreed'
		},
		agreementIntro: 'Here you see everyone’s answers side by side. Where all answered the same, that answer counts automatically. Where they differ, you set the agreed answer and give a reason. Only agreed answers count for the result.',
		ratersFor: (id: string) => `Answers to question ${id}`,
		answer: 'Answer',
		spread: (min: number, max: number) => `Spread: ${min} to ${max} points`,
		noAnswersYet: 'No answers yet.',
		agreedAnswer: 'Agreed answer',
		automatic: 'automatic, everyone agrees',
		setBy: (name: string, date: string) => `set by ${name}, ${date}`,
		reason: 'Reason',
		reasonHint: '(required when the answers differ)',
		agreedSaved: (id: string) => `The agreed answer to question ${id} was saved.`,
		conflictDetail: (name: string, date: string, value: string) => `${name} set the agreed answer to “${value}” on ${date}.`,
		conflictHint: 'Your input is still in the form. Check the new answer and save again if you still want to change it.',
		changeAgreed: 'Change the agreed answer',
		setAgreed: 'Set the agreed answer',
		saveAgreed: 'Save agreed answer',
		historyOf: (id: string) => `History of question ${id}`,
		backToArea: 'To the area',
		noHistory: 'There are no changes to this question yet.',
		when: 'When',
		who: 'Who',
		what: 'What',
		change: 'Change',
		historyAnswer: 'answer',
		historyAutomatic: 'agreed answer (automatic)',
		historyAgreed: 'agreed answer'
	},
	results: {
		title: "Administration's result",
		intro: 'Per area: the share of points reached from the agreed answers and the resulting level (level 1 is the best).',
		provisional: 'Provisional result: the questionnaire is still open.',
		openDisagreements: (n: number) => (n === 1 ? '1 question is not agreed yet and does not count yet.' : `${n} questions are not agreed yet and do not count yet.`),
		chartTitle: 'Points per area compared with the levels',
		chartHelp: 'The longer the bar, the further the municipality is. The background areas show the levels; level 1 is on the far right.',
		tableHint: 'The numbers are in the table below the chart.',
		tableTitle: 'Result as a table',
		answered: 'Agreed answers',
		score: 'Points',
		level: 'Level',
		answeredOf: (answered: number, total: number, unknown: number) =>
			`${answered} of ${total}${unknown > 0 ? ` (plus ${unknown}× “don't know”)` : ''}`,
		percent: (n: number) => `${n.toLocaleString('en-GB')} %`,
		notAssessable: 'not assessable',
		notAssessableHelp: 'Fewer than half of the questions have an agreed answer. Answer and agree on more questions.',
		method: "Calculation: points divided by (3 × answered questions). “Don't know / not applicable” does not count. If fewer than half are answered, the area is not assessable.",
		recommendationsTitle: 'Suggestions for further work'
	},
	csv: {
		questionId: 'Question ID',
		area: 'Area',
		topic: 'Topic',
		question: 'Question',
		raterAnswer: (name: string) => `${name}: answer`,
		raterComment: (name: string) => `${name}: comment`,
		raterEvidence: (name: string) => `${name}: evidence`,
		agreed: 'Agreed answer',
		reason: 'Reason',
		fileSuffix: 'answers'
	},
	errors: {
		closed: 'The questionnaire is closed; answers can no longer be changed.',
		notClosed: 'The questionnaire is not closed.',
		unknownQuestion: "This question is not part of this round's question catalogue.",
		invalidValue: 'This answer is not on the answer scale.',
		notAssigned: 'This area is not assigned to you. The coordination can assign it to you.',
		reasonRequired: 'The answers differ: please give a reason for the agreed answer.',
		invalidArea: 'This area does not exist.',
		versionConflict: 'Someone else has changed the agreed answer in the meantime. Your change was not saved.',
		answersNotSaved: 'The answers were not saved. Please correct the marked questions; your input is still in the form.',
		commentTooLong: 'The text is too long (at most 2,000 characters).',
		evidenceTooLong: 'The evidence is too long (at most 1,000 characters).',
		chooseValue: 'Please choose an answer.',
		invalidJson: 'The request is not valid JSON.',
		login: 'Please log in.',
		notFound: 'Not found or no access.',
		forbidden: 'You do not have permission for this.',
		required: 'Please fill in this field.',
		tooLong: 'This text is too long.',
		tooShort: 'This text is too short.',
		invalid: 'This input is not valid.',
		email: 'Please enter a valid email address, e.g. name@city.gov.',
		role: 'Please choose a role.',
		catalogue: 'Please choose an existing question catalogue.',
		assessmentExists: 'A round with this name already exists. Please choose another name.',
		alreadyMember: 'This person already belongs to this municipality.',
		unknownStaff: 'This person does not belong to this municipality.',
		notYourself: 'You cannot change your own account here; use “My account”.',
		resetElsewhere:
			'This person also works for a municipality where you are not coordination. The password can only be changed there or by the person.',
		passwordTooShort: 'The new password must be at least 10 characters long.',
		passwordMismatch: 'The two new passwords do not match.',
		currentPasswordWrong: 'The current password is wrong.',
		fileRequired: 'Please choose a catalogue file.',
		fileTooLarge: 'The file is larger than 2 MB and was not accepted.',
		catalogueInvalid: 'The file is not a valid question catalogue and was not imported.'
	},
	catalogueProblem: (code: string, params: Record<string, string | number>): string => {
		switch (code) {
			case 'required': return 'required value is missing or empty';
			case 'wrongType': return `wrong type (expected: ${params.expected})`;
			case 'tooFewItems': return `too few entries (at least ${params.minimum})`;
			case 'tooManyItems': return `too many entries (at most ${params.maximum})`;
			case 'tooSmall': return `value too small (at least ${params.minimum})`;
			case 'tooBig': return `value too large (at most ${params.maximum})`;
			case 'unknownKeys': return `unknown fields: ${params.keys}`;
			case 'invalidId': return 'invalid id (allowed: letters, digits, dot, hyphen and underscore)';
			case 'invalidVersion': return 'invalid version (e.g. “2026.1”)';
			case 'invalidJson': return `not a valid JSON file (${params.detail})`;
			case 'duplicateValue': return `answer value “${params.value}” appears twice`;
			case 'scaleWithoutPoints': return 'the answer scale needs at least one value with points';
			case 'levelOrder': return `levels must be 1 to 4 in this order (expected: ${params.expected})`;
			case 'levelThresholds': return 'thresholds must decrease from level 1 to level 4';
			case 'lowestLevelZero': return 'level 4 must start at 0 %';
			case 'areaOrder': return `areas must be in the official order (expected: ${params.expected})`;
			case 'areaName': return `official name expected: “${params.expected}”`;
			case 'duplicateTopic': return 'a topic appears twice';
			case 'duplicateQuestionId': return `question id “${params.id}” appears twice`;
			case 'unknownTopic': return `topic “${params.topic}” is not defined in this area`;
			case 'topicRequired': return 'this area has topics; every question needs a topic';
			default: return 'invalid value';
		}
	}
};
