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

export const staffCreateSchema = z.object({
	name: required(120).pipe(z.string().min(2, { error: 'tooShort' })),
	email: emailField,
	role: z.enum(ROLES, { error: 'role' })
});

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
