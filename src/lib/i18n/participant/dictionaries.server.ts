import type { ParticipantMessages } from './messages';
import type { ParticipantLanguage } from './languages';
import type { Language } from '../staff/languages';
import de from './de.json';
import en from './en.json';
import ar from './ar.json';
import fa from './fa.json';
import tr from './tr.json';
import uk from './uk.json';
import ru from './ru.json';
import ls from './de-x-ls.json';

/*
 * All eight participant dictionaries. Import this from server code only (loads, endpoints): pages
 * receive the one dictionary they show as data. Each file must have German's shape — a missing
 * key is a type error here, so `npm run check` (and with it `npm test`) fails.
 */
const dictionaries: Record<ParticipantLanguage, ParticipantMessages> = {
	de,
	en: en satisfies ParticipantMessages,
	ar: ar satisfies ParticipantMessages,
	fa: fa satisfies ParticipantMessages,
	tr: tr satisfies ParticipantMessages,
	uk: uk satisfies ParticipantMessages,
	ru: ru satisfies ParticipantMessages,
	'de-x-ls': ls satisfies ParticipantMessages
};

export function participantMessages(lang: ParticipantLanguage): ParticipantMessages {
	return dictionaries[lang];
}

/** A stakeholder group's name for staff pages and exports (German or English). */
export function groupLabel(group: string, lang: Language): string {
	return (dictionaries[lang].groups as Record<string, string>)[group] ?? group;
}
