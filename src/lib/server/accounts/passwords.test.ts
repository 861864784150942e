import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, generatePassword, hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
	it('verifies the right password and refuses a wrong one', async () => {
		const hash = await hashPassword('Geheim-2026 ä');
		expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
		expect(await verifyPassword('Geheim-2026 ä', hash)).toBe(true);
		expect(await verifyPassword('Geheim-2026 a', hash)).toBe(false);
	});

	it('salts every hash', async () => {
		expect(await hashPassword('gleich')).not.toBe(await hashPassword('gleich'));
	});

	it('matches no password with the dummy hash or a malformed hash', async () => {
		expect(await verifyPassword('', DUMMY_HASH)).toBe(false);
		expect(await verifyPassword('x', 'kein-hash')).toBe(false);
	});

	it('generates readable one-time passwords without look-alike characters', () => {
		const passwords = Array.from({ length: 50 }, generatePassword);
		for (const password of passwords) expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){2}$/);
		expect(new Set(passwords).size).toBe(50);
	});
});
