import type { Db } from '../db';
import type { User } from '../db/schema';
import * as users from '../db/users';
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
