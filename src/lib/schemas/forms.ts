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
