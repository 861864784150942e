import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db';
import type { User } from '../db/schema';
import * as sessions from '../db/sessions';
import { clock, now } from '../platform/clock';

export const SESSION_COOKIE = 'session';

/** Only the token's hash is stored, so a leaked database does not hand out live sessions. */
function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Starts a session of `hours` for the account; the token goes into the cookie, only its hash is stored. */
export async function createSession(db: Db, userId: number, hours: number): Promise<{ token: string; expiresAt: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(clock().getTime() + hours * 3600_000);
	await sessions.insertSession(db, { tokenHash: hashToken(token), userId, createdAt: now(), expiresAt: expiresAt.toISOString() });
	return { token, expiresAt };
}

export type SessionUser = Pick<User, 'id' | 'email' | 'name'> & {
	/** The account still has a one-time password: only the account page (to change it) is open. */
	mustChangePassword: boolean;
	/** Runs the installation (Betrieb): sees municipalities' stages, never their content. */
	operator: boolean;
};

/** The active user behind a session token, or undefined when it is unknown, expired or deactivated. */
export async function validateSession(db: Db, token: string): Promise<SessionUser | undefined> {
	const row = await sessions.findSession(db, hashToken(token));
	if (!row || row.active !== 1) return undefined;
	if (row.expires_at <= now()) {
		await invalidateSession(db, token);
		return undefined;
	}
	return { id: row.id, email: row.email, name: row.name, mustChangePassword: row.must_change_password === 1, operator: row.operator === 1 };
}

/** Ends the session (logout). */
export async function invalidateSession(db: Db, token: string): Promise<void> {
	await sessions.deleteSession(db, hashToken(token));
}

/** Ends every session of the account (password reset by a coordinator, deactivation). */
export async function invalidateUserSessions(db: Db, userId: number): Promise<void> {
	await sessions.deleteUserSessions(db, userId);
}

/** Ends every session of the account except the one with `keepToken` (the person's own password change). */
export async function invalidateOtherSessions(db: Db, userId: number, keepToken: string | undefined): Promise<void> {
	await sessions.deleteUserSessions(db, userId, keepToken ? hashToken(keepToken) : undefined);
}

/** Removes expired sessions (at start-up; a request meeting one removes it too). */
export async function deleteExpiredSessions(db: Db): Promise<void> {
	await sessions.deleteExpiredSessions(db, now());
}
