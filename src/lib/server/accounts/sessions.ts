import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db';
import type { User } from '../db/schema';
import { clock, now } from '../platform/clock';

export const SESSION_COOKIE = 'session';

/** Only the token's hash is stored, so a leaked database does not hand out live sessions. */
function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Db, userId: number, hours: number): Promise<{ token: string; expiresAt: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(clock().getTime() + hours * 3600_000);
	await db
		.insertInto('session')
		.values({ token_hash: hashToken(token), user_id: userId, created_at: now(), expires_at: expiresAt.toISOString() })
		.execute();
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
	const row = await db
		.selectFrom('session')
		.innerJoin('user', 'user.id', 'session.user_id')
		.select(['user.id', 'user.email', 'user.name', 'user.active', 'user.must_change_password', 'user.operator', 'session.expires_at'])
		.where('session.token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row || row.active !== 1) return undefined;
	if (row.expires_at <= now()) {
		await invalidateSession(db, token);
		return undefined;
	}
	return { id: row.id, email: row.email, name: row.name, mustChangePassword: row.must_change_password === 1, operator: row.operator === 1 };
}

export async function invalidateSession(db: Db, token: string): Promise<void> {
	await db.deleteFrom('session').where('token_hash', '=', hashToken(token)).execute();
}

/** Ends every session of the account (password reset by a coordinator, deactivation). */
export async function invalidateUserSessions(db: Db, userId: number): Promise<void> {
	await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

/** Ends every session of the account except the one with `keepToken` (the person's own password change). */
export async function invalidateOtherSessions(db: Db, userId: number, keepToken: string | undefined): Promise<void> {
	let query = db.deleteFrom('session').where('user_id', '=', userId);
	if (keepToken) query = query.where('token_hash', '!=', hashToken(keepToken));
	await query.execute();
}

export async function deleteExpiredSessions(db: Db): Promise<void> {
	await db.deleteFrom('session').where('expires_at', '<=', now()).execute();
}
