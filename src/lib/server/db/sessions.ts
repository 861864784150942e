import type { Db } from './index';
import type { User } from './schema';

/** The columns a request needs of the person behind a session, with the session's expiry. */
export type SessionRow = Pick<User, 'id' | 'email' | 'name' | 'active' | 'must_change_password' | 'operator'> & { expires_at: string };

export async function insertSession(db: Db, values: { tokenHash: string; userId: number; createdAt: string; expiresAt: string }): Promise<void> {
	await db
		.insertInto('session')
		.values({ token_hash: values.tokenHash, user_id: values.userId, created_at: values.createdAt, expires_at: values.expiresAt })
		.execute();
}

/** The session with this token hash and its account, whether expired or not. */
export async function findSession(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
	return db
		.selectFrom('session')
		.innerJoin('user', 'user.id', 'session.user_id')
		.select(['user.id', 'user.email', 'user.name', 'user.active', 'user.must_change_password', 'user.operator', 'session.expires_at'])
		.where('session.token_hash', '=', tokenHash)
		.executeTakeFirst();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
	await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** Deletes every session of the account except, when given, the one with `keepTokenHash`. */
export async function deleteUserSessions(db: Db, userId: number, keepTokenHash?: string): Promise<void> {
	let query = db.deleteFrom('session').where('user_id', '=', userId);
	if (keepTokenHash !== undefined) query = query.where('token_hash', '!=', keepTokenHash);
	await query.execute();
}

/** Deletes the sessions that expired at or before `at`. */
export async function deleteExpiredSessions(db: Db, at: string): Promise<void> {
	await db.deleteFrom('session').where('expires_at', '<=', at).execute();
}
