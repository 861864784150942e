import type { Language } from '$lib/i18n/staff';
import type { ParticipantLanguage } from '$lib/i18n/participant/languages';
import type { Role } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Locals {
			lang: Language;
			/** The participant pages' language (eight to choose from); staff pages use `lang`. */
			participantLang: ParticipantLanguage;
			/** operator: runs the installation (Betrieb); not a member of any municipality by that. */
			user?: { id: number; email: string; name: string; mustChangePassword: boolean; operator: boolean };
			/** Set for routes under /m/[municipality] once the user's access was checked. */
			membership?: { municipalityId: number; municipalityName: string; role: Role };
		}
		interface PageData {
			lang: Language;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
