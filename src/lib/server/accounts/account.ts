import type { Db } from '../db';
import * as users from '../db/users';
import { generatePassword, hashPassword, verifyPassword } from './passwords';
import { invalidateOtherSessions, invalidateUserSessions } from './sessions';

/**
 * A person changes their own password: the current one must be right and the new one different.
 * Every other session of the account ends (a stolen session does not survive the change); the
 * one making the change stays. Clears the one-time password flag.
 */
export async function changeOwnPassword(
	db: Db,
	userId: number,
	input: { current: string; next: string },
	currentSessionToken: string | undefined
): Promise<{ ok: true } | { ok: false; field: 'current' | 'next'; error: 'currentPasswordWrong' | 'passwordUnchanged' }> {
	const user = await users.findUser(db, userId);
	if (!user || !(await verifyPassword(input.current, user.password_hash))) {
		return { ok: false, field: 'current', error: 'currentPasswordWrong' };
	}
	if (input.next === input.current) return { ok: false, field: 'next', error: 'passwordUnchanged' };
	const hash = await hashPassword(input.next);
	await db.transaction().execute(async (trx) => {
		await users.setPasswordHash(trx, userId, hash);
		await invalidateOtherSessions(trx, userId, currentSessionToken);
	});
	return { ok: true };
}

/**
 * A coordinator resets someone's password: a one-time password the person must replace at the
 * next login; all their sessions end. Returns the password, to be shown once.
 */
export async function resetToOneTimePassword(db: Db, userId: number): Promise<string> {
	const password = generatePassword();
	const hash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		await users.setPasswordHash(trx, userId, hash, true);
		await invalidateUserSessions(trx, userId);
	});
	return password;
}

/** A coordinator deactivates someone in their municipality: the membership ends and so do their sessions. */
export async function deactivateMember(db: Db, municipalityId: number, userId: number): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await users.setMembershipActive(trx, municipalityId, userId, false);
		await invalidateUserSessions(trx, userId);
	});
}
