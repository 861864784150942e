import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeOwnPassword, deactivateMember, resetToOneTimePassword } from './account';
import type { Db } from '../db';
import * as municipalities from '../db/municipalities';
import { createTestDb } from '../db/testing';
import * as users from '../db/users';
import { hashPassword, verifyPassword } from './passwords';
import { createSession, validateSession } from './sessions';

let db: Db;
let userId: number;
let municipalityId: number;
const OLD = 'altes-Passwort-123';

beforeEach(async () => {
	db = await createTestDb();
	const m = await municipalities.createMunicipality(db, 'Sitzungsstadt');
	municipalityId = m.id;
	const user = await users.createUser(db, { email: 'p@sitzung.example', name: 'P', passwordHash: await hashPassword(OLD) });
	await users.addMembership(db, user.id, m.id, 'editor');
	userId = user.id;
});
afterEach(async () => {
	await db.destroy();
});

const alive = async (token: string) => (await validateSession(db, token)) !== undefined;

describe('sessions end when the password changes (finding 2)', () => {
	it('an own password change ends every other session and keeps the current one', async () => {
		const current = await createSession(db, userId, 12);
		const laptop = await createSession(db, userId, 12);
		const stolen = await createSession(db, userId, 12);
		expect(await changeOwnPassword(db, userId, { current: OLD, next: 'neues-Passwort-456' }, current.token)).toEqual({ ok: true });
		expect(await alive(current.token)).toBe(true);
		expect(await alive(laptop.token)).toBe(false);
		expect(await alive(stolen.token)).toBe(false);
	});

	it('a refused change (wrong current password) ends nothing', async () => {
		const current = await createSession(db, userId, 12);
		const other = await createSession(db, userId, 12);
		expect(await changeOwnPassword(db, userId, { current: 'falsch', next: 'neues-Passwort-456' }, current.token)).toMatchObject({ ok: false });
		expect(await alive(other.token)).toBe(true);
	});

	it("a coordinator's reset ends every session and sets a one-time password that must be changed (finding 3)", async () => {
		const a = await createSession(db, userId, 12);
		const password = await resetToOneTimePassword(db, userId);
		expect(await alive(a.token)).toBe(false);
		const user = await users.findUser(db, userId);
		expect(user?.must_change_password).toBe(1);
		expect(await verifyPassword(password, user!.password_hash)).toBe(true);
		const session = await createSession(db, userId, 12);
		expect((await validateSession(db, session.token))?.mustChangePassword).toBe(true);
		// Changing it clears the flag; the same password again is refused.
		expect(await changeOwnPassword(db, userId, { current: password, next: password }, session.token)).toMatchObject({ ok: false, error: 'passwordUnchanged' });
		expect(await changeOwnPassword(db, userId, { current: password, next: 'mein-eigenes-Passwort' }, session.token)).toEqual({ ok: true });
		expect((await validateSession(db, session.token))?.mustChangePassword).toBe(false);
	});

	it('deactivation ends every session of the person', async () => {
		const a = await createSession(db, userId, 12);
		await deactivateMember(db, municipalityId, userId);
		expect(await alive(a.token)).toBe(false);
		expect(await municipalities.findRole(db, userId, municipalityId)).toBeUndefined();
	});
});
