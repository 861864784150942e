import { participantMessages } from '$lib/i18n/participant/dictionaries.server';
import { PARTICIPANT_LANGUAGES, type ParticipantLanguage } from '$lib/i18n/participant/languages';
import type { LayoutServerLoad } from './$types';

/**
 * The participant's language and its one dictionary. The workshop page overrides these when its
 * workshop does not offer this language (it knows the workshop; this layout does not look codes up,
 * so it cannot be used to probe for valid codes).
 */
export const load = (({ locals }) => {
	const participantLang: ParticipantLanguage = locals.participantLang;
	return {
		participantLang,
		offered: [...PARTICIPANT_LANGUAGES] as ParticipantLanguage[],
		m: participantMessages(participantLang)
	};
}) satisfies LayoutServerLoad;
