import { z } from 'zod';

/*
 * One schema per form. Error messages are keys of the `errors` messages, translated when shown,
 * so the same schema serves German and English pages.
 */

const required = (max = 200) => z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });

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
	catalogueId: z.coerce.number({ error: 'catalogue' }).int({ error: 'catalogue' }).positive({ error: 'catalogue' })
});

export const PASSWORD_MIN = 10;

export const passwordChangeSchema = z
	.object({
		current: z.string({ error: 'required' }).min(1, { error: 'required' }),
		next: z
			.string({ error: 'required' })
			.min(PASSWORD_MIN, { error: 'passwordTooShort' })
			.max(200, { error: 'tooLong' }),
		confirm: z.string({ error: 'required' }).min(1, { error: 'required' })
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

export const COMMENT_MAX = 2000;
export const EVIDENCE_MAX = 1000;

/** One staff member's answer to one question, as the answer page and the JSON API send it. */
export const answerSchema = z.object({
	questionId: z.string({ error: 'unknownQuestion' }).min(1, { error: 'unknownQuestion' }).max(64, { error: 'unknownQuestion' }),
	value: z.string().max(64, { error: 'invalidValue' }).nullable(),
	comment: z.string().max(COMMENT_MAX, { error: 'commentTooLong' }).default(''),
	evidence: z.string().max(EVIDENCE_MAX, { error: 'evidenceTooLong' }).default('')
});

export const agreedSchema = z.object({
	questionId: z.string({ error: 'unknownQuestion' }).min(1, { error: 'unknownQuestion' }).max(64),
	value: z.string({ error: 'chooseValue' }).min(1, { error: 'chooseValue' }).max(64, { error: 'invalidValue' }),
	reason: z.string().trim().max(COMMENT_MAX, { error: 'commentTooLong' }).default(''),
	version: z.coerce.number({ error: 'invalid' }).int().min(0)
});

export const DEFAULT_STAKEHOLDER_GROUPS = ['Verwaltung', 'Politik', 'Zivilgesellschaft', 'Wirtschaft', 'Migrantenorganisation', 'Sonstige'];

/** A new workshop; the same schema serves the facilitator's form and the JSON API. */
export const workshopCreateSchema = z.object({
	title: required(120).pipe(z.string().min(3, { error: 'tooShort' })),
	heldOn: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' })
		.refine((value) => !Number.isNaN(Date.parse(value)), { error: 'date' })
		.optional(),
	areas: z
		.array(z.coerce.number({ error: 'invalidArea' }).int({ error: 'invalidArea' }).min(1, { error: 'invalidArea' }).max(7, { error: 'invalidArea' }), { error: 'chooseAreas' })
		.min(1, { error: 'chooseAreas' })
		.default([1, 2, 3, 4, 5, 6, 7]),
	groups: z
		.array(z.string().trim().min(1, { error: 'groups' }).max(60, { error: 'groups' }), { error: 'groups' })
		.min(1, { error: 'groups' })
		.max(12, { error: 'groups' })
		.default(DEFAULT_STAKEHOLDER_GROUPS),
	k: z.coerce.number({ error: 'k' }).int({ error: 'k' }).min(1, { error: 'k' }).max(50, { error: 'k' }).default(5),
	/** A rehearsal (Probe-Workshop) never becomes the default for results, report and exports. */
	rehearsal: z.boolean({ error: 'invalid' }).default(false)
});

/** Marks a workshop as rehearsal or not, archives it or brings it back. */
export const workshopFlagsSchema = z.object({
	rehearsal: z.boolean({ error: 'invalid' }).optional(),
	archived: z.boolean({ error: 'invalid' }).optional()
});

export const workshopAreasSchema = z.object({
	areas: z.array(z.number().int().min(1).max(7)).min(1),
	open: z.boolean()
});

export const joinSchema = z.object({
	group: z.string().max(60).nullable().default(null)
});

export const ratingSchema = z.object({
	area: z.coerce.number({ error: 'unknownArea' }).int({ error: 'unknownArea' }),
	level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()], { error: 'invalidLevel' })
});
