import { z } from 'zod';
import { allDistinct, calendarDate, hasControlChars, multilineText, plainText } from './fields';
import { PARTICIPANT_LANGUAGES } from '../i18n/participant/languages';
import { PROFILES } from '../domain/profiles';

/*
 * One schema per form. Error messages are keys of the `errors` messages, translated when shown,
 * so the same schema serves German and English pages.
 */

const required = (max = 200) =>
	z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required' })
		.max(max, { error: 'tooLong' })
		.refine((value) => !hasControlChars(value), { error: 'controlChars' });

export const emailField = required(254).pipe(z.email({ error: 'email' }));

export const loginSchema = z.object({
	email: emailField,
	password: z.string({ error: 'required' }).min(1, { error: 'required' }).max(200, { error: 'tooLong' })
});

export const ROLES = ['coordinator', 'editor', 'facilitator'] as const;

export const staffInviteSchema = z.object({
	email: emailField,
	role: z.enum(ROLES, { error: 'role' })
});

const positiveId = z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).positive({ error: 'invalid' });

export const invitationTargetSchema = z.object({ invitationId: positiveId });

export const staffTargetSchema = z.object({
	userId: z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).positive({ error: 'invalid' })
});

export const staffRoleSchema = staffTargetSchema.extend({
	role: z.enum(ROLES, { error: 'role' })
});

export const assessmentCreateSchema = z.object({
	name: required(120).pipe(z.string().min(3, { error: 'tooShort' })),
	catalogueId: z.coerce.number({ error: 'catalogue' }).int({ error: 'catalogue' }).positive({ error: 'catalogue' }),
	/** '' or missing: no profile, every question applies. */
	profile: z.union([z.literal(''), z.enum(PROFILES)], { error: 'invalid' }).optional()
});

/** "Neue Runde starten": the new round's name and catalogue version (profile and areas come from the previous round). */
export const roundStartSchema = assessmentCreateSchema.pick({ name: true, catalogueId: true });

/** `POST /api/assessments`: a new assessment, or with `previousAssessmentId` the next round after it. */
export const assessmentApiSchema = assessmentCreateSchema.extend({
	municipalityId: z.number({ error: 'invalid' }).int({ error: 'invalid' }).positive({ error: 'invalid' }).optional(),
	catalogueId: z.number({ error: 'catalogue' }).int({ error: 'catalogue' }).positive({ error: 'catalogue' }).optional(),
	previousAssessmentId: z.number({ error: 'invalid' }).int({ error: 'invalid' }).positive({ error: 'invalid' }).optional()
});

export const PASSWORD_MIN = 10;

export const passwordChangeSchema = z
	.object({
		current: z.string({ error: 'required' }).min(1, { error: 'required' }).max(200, { error: 'tooLong' }),
		next: z
			.string({ error: 'required' })
			.min(PASSWORD_MIN, { error: 'passwordTooShort' })
			.max(200, { error: 'tooLong' }),
		confirm: z.string({ error: 'required' }).min(1, { error: 'required' }).max(200, { error: 'tooLong' })
	})
	.refine((v) => v.next === v.confirm, { path: ['confirm'], error: 'passwordMismatch' });

/** A new person accepting an invitation through its link: their name and their own password. */
export const invitationAcceptSchema = z
	.object({
		name: required(120).pipe(z.string().min(2, { error: 'tooShort' })),
		password: z
			.string({ error: 'required' })
			.min(PASSWORD_MIN, { error: 'passwordTooShort' })
			.max(200, { error: 'tooLong' }),
		confirm: z.string({ error: 'required' }).min(1, { error: 'required' })
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], error: 'passwordMismatch' });

export const languageSchema = z.object({
	language: z.enum(['de', 'en']),
	redirectTo: z.string().max(2000).optional()
});

/** A participant's language choice (the chooser on the participant pages). */
export const participantLanguageSchema = z.object({
	language: z.enum(PARTICIPANT_LANGUAGES),
	redirectTo: z.string().max(2000).optional()
});

export const COMMENT_MAX = 2000;
export const EVIDENCE_MAX = 1000;

/** One staff member's answer to one question, as the answer page and the JSON API send it. */
export const answerSchema = z.object({
	questionId: z.string({ error: 'unknownQuestion' }).min(1, { error: 'unknownQuestion' }).max(64, { error: 'unknownQuestion' }),
	value: z.string().max(64, { error: 'invalidValue' }).nullable(),
	comment: multilineText(COMMENT_MAX, 'commentTooLong').default(''),
	evidence: multilineText(EVIDENCE_MAX, 'evidenceTooLong').default('')
});

export const agreedSchema = z.object({
	questionId: z.string({ error: 'unknownQuestion' }).min(1, { error: 'unknownQuestion' }).max(64, { error: 'unknownQuestion' }),
	value: z.string({ error: 'chooseValue' }).min(1, { error: 'chooseValue' }).max(64, { error: 'invalidValue' }),
	reason: multilineText(COMMENT_MAX, 'commentTooLong').trim().default(''),
	version: z.coerce.number({ error: 'invalid' }).int().min(0).max(Number.MAX_SAFE_INTEGER)
});

/** The second step of closing a questionnaire; the reason is required when something is still open. */
export const closeSchema = z.object({
	step: z.literal('final', { error: 'invalid' }),
	reason: multilineText(COMMENT_MAX, 'commentTooLong').trim().default('')
});

export const DEFAULT_STAKEHOLDER_GROUPS = ['Verwaltung', 'Politik', 'Zivilgesellschaft', 'Wirtschaft', 'Migrantenorganisation', 'Sonstige'];

/** A new workshop; the same schema serves the facilitator's form and the JSON API. */
export const workshopCreateSchema = z.object({
	title: required(120).pipe(z.string().min(3, { error: 'tooShort' })),
	heldOn: calendarDate.optional(),
	areas: z
		.array(z.coerce.number({ error: 'invalidArea' }).int({ error: 'invalidArea' }).min(1, { error: 'invalidArea' }).max(7, { error: 'invalidArea' }), { error: 'chooseAreas' })
		.min(1, { error: 'chooseAreas' })
		.max(7, { error: 'tooMany' })
		.default([1, 2, 3, 4, 5, 6, 7]),
	groups: z
		.array(z.string().trim().min(1, { error: 'groups' }).max(60, { error: 'groups' }).refine((g) => !hasControlChars(g), { error: 'controlChars' }), { error: 'groups' })
		.min(1, { error: 'groups' })
		.max(12, { error: 'groups' })
		.refine(allDistinct, { error: 'duplicateGroups' })
		.default(DEFAULT_STAKEHOLDER_GROUPS),
	k: z.coerce.number({ error: 'k' }).int({ error: 'k' }).min(1, { error: 'k' }).max(50, { error: 'k' }).default(5),
	/** A rehearsal (Probe-Workshop) never becomes the default for results, report and exports. */
	rehearsal: z.boolean({ error: 'invalid' }).default(false),
	/** The participant languages offered; German always (the catalogue's required language). */
	languages: z
		.array(z.enum(PARTICIPANT_LANGUAGES, { error: 'languages' }), { error: 'languages' })
		.max(PARTICIPANT_LANGUAGES.length, { error: 'languages' })
		.refine((list) => list.includes('de'), { error: 'languagesGerman' })
		.refine(allDistinct, { error: 'languages' })
		.default([...PARTICIPANT_LANGUAGES])
});

/** Marks a workshop as rehearsal or not, archives it or brings it back. */
export const workshopFlagsSchema = z.object({
	rehearsal: z.boolean({ error: 'invalid' }).optional(),
	archived: z.boolean({ error: 'invalid' }).optional()
});

/** Area numbers to open or close: the JSON API sends numbers, the control panel's form text. */
const areaNumbers = <T extends z.ZodType<number, unknown>>(item: T) =>
	z.array(item, { error: 'invalidArea' }).min(1, { error: 'chooseAreas' }).max(7, { error: 'tooMany' });
const areaNumber = z.number({ error: 'invalidArea' }).int({ error: 'invalidArea' }).min(1, { error: 'invalidArea' }).max(7, { error: 'invalidArea' });

export const areaNumbersSchema = areaNumbers(z.coerce.number({ error: 'invalidArea' }).pipe(areaNumber));

export const workshopAreasSchema = z.object({
	areas: areaNumbers(areaNumber),
	open: z.boolean()
});

/** Area assignments as the coordinator's form sends them: `area:userId`, at most one per area and person. */
export const ASSIGNMENTS_MAX = 7 * 500;
export const assignmentsSchema = z
	.array(z.string().max(40, { error: 'invalid' }), { error: 'invalid' })
	.max(ASSIGNMENTS_MAX, { error: 'tooMany' })
	.transform((values) => {
		const unique = new Map<string, { area: number; userId: number }>();
		for (const value of values) {
			const [area, userId] = value.split(':').map(Number);
			unique.set(`${area}:${userId}`, { area: area ?? NaN, userId: userId ?? NaN });
		}
		return [...unique.values()];
	});

/** A paper ballot's levels per area, as `level-N` fields of the control panel's form. */
export const paperLevelsSchema = z
	.array(z.object({ area: z.number().int().min(1).max(7), level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()]) }), {
		error: 'invalidLevel'
	})
	.max(7, { error: 'tooMany' });

export const joinSchema = z.object({
	group: plainText(60, 'invalidGroup').nullable().default(null)
});

export const ratingSchema = z.object({
	area: z.coerce.number({ error: 'unknownArea' }).int({ error: 'unknownArea' }),
	level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()], { error: 'invalidLevel' })
});
