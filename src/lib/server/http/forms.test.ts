import { describe, expect, it } from 'vitest';
import { loginSchema, passwordChangeSchema, invitationAcceptSchema, staffInviteSchema } from '$lib/schemas/forms';
import { parseForm } from './forms';

const form = (entries: Record<string, string>) => {
	const data = new FormData();
	for (const [key, value] of Object.entries(entries)) data.append(key, value);
	return data;
};

describe('parsing a form', () => {
	it('returns typed data for valid input, trimmed', () => {
		const result = parseForm(staffInviteSchema, form({ email: '  Lea@Stadt.de ', role: 'editor' }));
		expect(result).toEqual({ ok: true, data: { email: 'Lea@Stadt.de', role: 'editor' } });
	});

	it('returns one message key per field and the text values back', () => {
		const result = parseForm(invitationAcceptSchema, form({ name: '', password: 'kurz', confirm: 'anders' }));
		expect(result).toEqual({ ok: false, values: { name: '' }, errors: { name: 'required', password: 'passwordTooShort', confirm: 'passwordMismatch' } });
		const invite = parseForm(staffInviteSchema, form({ email: 'kein-at', role: 'chef' }));
		expect(invite).toEqual({ ok: false, values: { email: 'kein-at', role: 'chef' }, errors: { email: 'email', role: 'role' } });
	});

	it('never echoes a password', () => {
		const result = parseForm(loginSchema, form({ email: 'x', password: 'geheim' }));
		expect(result.ok).toBe(false);
		expect(!result.ok && result.values).toEqual({ email: 'x' });
	});

	it('reports mismatching new passwords on the confirmation field', () => {
		const result = parseForm(passwordChangeSchema, form({ current: 'a', next: 'lang-genug-1', confirm: 'anders-1234' }));
		expect(!result.ok && result.errors).toEqual({ confirm: 'passwordMismatch' });
	});
});
