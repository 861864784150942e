import type { Db } from '../db';
import type { User } from '../db/schema';
import * as users from '../db/users';
import { onlyDeactivatedMemberships } from '../db/operator';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { reserveAll, type LoginThrottles } from '../limits/throttle';

export type LoginOutcome =
	| { ok: true; user: User }
	| { ok: false; reason: 'invalidCredentials' }
	| { ok: false; reason: 'tooManyAttempts'; retryAfterMs: number };

/**
 * Checks an e-mail and password. The attempt is reserved on both throttles *before* the password
 * hash runs and given back only when it succeeds, so parallel attempts never evaluate more
 * passwords than the limits allow. `verify` is injectable for tests.
 */
export async function attemptLogin(
	db: Db,
	throttles: LoginThrottles,
	input: { email: string; password: string; address: string },
	verify: (password: string, hash: string) => Promise<boolean> = verifyPassword
): Promise<LoginOutcome> {
	const email = users.normaliseEmail(input.email);
	const accountKey = { throttle: throttles.account, key: email };
	const addressKey = { throttle: throttles.address, key: input.address };
	const wait = await reserveAll([accountKey, addressKey]);
	if (wait > 0) return { ok: false, reason: 'tooManyAttempts', retryAfterMs: wait };

	const user = await users.findUserByEmail(db, email);
	// Unknown e-mails cost the same hash as known ones.
	const valid = await verify(input.password, user?.password_hash ?? DUMMY_HASH);
	if (!user || !valid || user.active !== 1) return { ok: false, reason: 'invalidCredentials' };

	await throttles.account.reset(email);
	await throttles.address.release(input.address);
	return { ok: true, user };
}

/** Emails are compared case-insensitively: the address as the store keeps it. */
export function normaliseEmail(email: string): string {
	return users.normaliseEmail(email);
}

/**
 * True when the person belongs only to deactivated municipalities (and is no operator): their
 * login is refused with a message that says so. Ask only after the password was checked.
 */
export async function lockedOutByDeactivation(db: Db, user: Pick<User, 'id' | 'operator'>): Promise<boolean> {
	return user.operator !== 1 && (await onlyDeactivatedMemberships(db, user.id));
}
