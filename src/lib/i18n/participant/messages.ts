import type de from './de.json';
import type { ParticipantLanguage } from './languages';

/*
 * The participants' messages: ICU MessageFormat strings in one JSON file per language
 * (participant/<lang>.json), the format translation tools read. German is the reference: its
 * shape is the type every other language must satisfy (participant-dictionaries.ts), so a missing
 * key fails the type check. Pages get the one dictionary they need as page data, so a phone never
 * loads the other seven. Plain words: many participants read German as a second language.
 */
export type ParticipantMessages = typeof de;

/** Placeholders the messages use; the ICU subset is simple arguments (`{name}`) only. */
type Values = Record<string, string | number>;

/**
 * Fills an ICU message's simple arguments. Plural and select are not used by these messages (the
 * dictionary test rejects them), so this small formatter is all the browser needs.
 */
export function format(message: string, values: Values = {}): string {
	return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function participantError(m: ParticipantMessages, code: string): string {
	const errors = m.errors as Record<string, string>;
	return errors[code] ?? m.errors.invalid;
}

/** A small-group phase refusal in the participant's language (`groupPhase.errors`), else the general failure. */
export function groupPhaseError(m: ParticipantMessages, code: string): string {
	const errors = m.groupPhase.errors as Record<string, string>;
	return errors[code] ?? m.groupPhase.errors.invalid;
}

/**
 * A message cut at its simple arguments, for pages that set an argument apart (in `<bdi>`, so a
 * number such as "+1" or "2–3" keeps its order inside an Arabic or Farsi sentence).
 */
export function messageParts(message: string): ({ text: string } | { arg: string })[] {
	return message.split(/(\{\w+\})/).filter((part) => part !== '').map((part) => (/^\{\w+\}$/.test(part) ? { arg: part.slice(1, -1) } : { text: part }));
}

/** A stakeholder group's name: the default groups are translated, a workshop's own names are shown as written. */
export function groupName(m: ParticipantMessages, group: string): string {
	return (m.groups as Record<string, string>)[group] ?? group;
}

/** One "how to join" line for the projector, split around the address so it can stay left-to-right. */
export interface JoinLine {
	lang: ParticipantLanguage;
	dir: 'ltr' | 'rtl';
	before: string;
	url: string;
	after: string;
}
