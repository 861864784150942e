import type { ParticipantMessages } from './participant';
import type { ParticipantLanguage } from './participant-languages';
import type { Language } from './languages';
import de from './participant/de.json';
import en from './participant/en.json';
import ar from './participant/ar.json';
import fa from './participant/fa.json';
import tr from './participant/tr.json';
import uk from './participant/uk.json';
import ru from './participant/ru.json';
import ls from './participant/de-x-ls.json';

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
