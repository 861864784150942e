import type { Language } from '$lib/i18n/staff/languages';
import { participantMessages } from '$lib/i18n/participant/dictionaries.server';
import { participantDirection } from '$lib/i18n/participant/languages';
import type { JoinLine } from '$lib/i18n/participant/messages';
import type { WorkshopRow } from '../db/schema';
import { offeredLanguages } from './workshops';


/**
 * How to join, one short line in each language the workshop offers, except the presenter page's
 * own language (its heading says it already). `address` is the join page without the code, e.g.
 * `stadt.example/w`.
 */
export function joinLines(workshop: Pick<WorkshopRow, 'languages'>, address: string, pageLanguage: Language): JoinLine[] {
	return offeredLanguages(workshop)
		.filter((lang) => lang !== pageLanguage)
		.map((lang) => {
			const [before = '', after = ''] = participantMessages(lang).joinHow.split('{url}');
			return { lang, dir: participantDirection(lang), before, url: address, after };
		});
}
