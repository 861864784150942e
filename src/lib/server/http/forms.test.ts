import { describe, expect, it } from 'vitest';
import { loginSchema, passwordChangeSchema, invitationAcceptSchema, staffInviteSchema } from '$lib/schemas/forms';
import { municipalityCreateSchema } from '$lib/schemas/municipality';
import { formValues, parseForm } from './forms';

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

describe('echoing a form after a refusal', () => {
	const hostile = () => {
		const data = form({ name: 'Musterstadt', kind: 'stadt', coordinatorEmail: 'k@example.org', password: 'geheim' });
		for (const key of ['__proto__', 'constructor', 'toString', 'extra']) data.append(key, 'x');
		return data;
	};

	it('gives back only the schema’s own fields: no __proto__ or other unknown names, never a password', () => {
		const values = formValues(municipalityCreateSchema, hostile());
		expect(values).toEqual({ name: 'Musterstadt', kind: 'stadt', coordinatorEmail: 'k@example.org' });
		expect(Object.getOwnPropertyNames(values)).not.toContain('__proto__');
		expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
		// What SvelteKit does with the action's data: it must survive a structured copy unchanged.
		expect(structuredClone(values)).toEqual(values);
	});

	it('the same for the values of a failed parse', () => {
		const data = hostile();
		data.set('name', '');
		const result = parseForm(municipalityCreateSchema, data);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.values).toEqual({ name: '', kind: 'stadt', coordinatorEmail: 'k@example.org' });
	});
});
