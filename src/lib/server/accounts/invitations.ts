import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db';
import type { Invitation, Role } from '../db/schema';
import { clock as appClock, now, type Clock } from '../platform/clock';
import * as users from '../db/users';
import * as invitations from '../db/invitations';
import { Refusal } from '../http/refusal';
import { lockRow } from '../db/locks';

/**
 * Invitations replace "add staff by e-mail": the coordinator invites an address to a role and gets
 * the same answer whether an account with that address exists or not, and never anyone's name.
 * An existing account sees the invitation after login and accepts or declines it; a new person
 * sets a name and password through the one-time link. Only the token's SHA-256 is stored.
 */

export const INVITATION_DAYS = 7;

export function hashInvitationToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export interface CreatedInvitation {
	/** The one-time token for the link `/invitation/{token}`; shown once, never stored. */
	token: string;
	email: string;
	role: Role;
	expiresAt: string;
}

/**
 * Invites an address to a role. Refused only for a person who already belongs to this municipality
 * (the coordinator sees them in the staff list anyway). A pending invitation of the same address to
 * the same municipality is replaced, so only the newest link works.
 */
export async function createInvitation(
	db: Db,
	values: { municipalityId: number; email: string; role: Role; invitedBy: number },
	clock: Clock = appClock
): Promise<CreatedInvitation> {
	return db.transaction().execute((trx) => inviteWithin(trx, values, clock));
}

/** `createInvitation` inside a transaction the caller holds (the operator creates a municipality and invites in one). */
export async function inviteWithin(
	trx: Db,
	values: { municipalityId: number; email: string; role: Role; invitedBy: number },
	clock: Clock = appClock
): Promise<CreatedInvitation> {
	const email = users.normaliseEmail(values.email);
	const token = randomBytes(32).toString('base64url');
	const created = clock();
	const expiresAt = new Date(created.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
	// One invitation change per municipality at a time: two invitations of the same address at
	// once must not both stay pending.
	await lockRow(trx, 'municipality', values.municipalityId);
	if (await invitations.isMemberByEmail(trx, values.municipalityId, email)) throw new Refusal('alreadyMember', 400);
	await invitations.revokePendingFor(trx, values.municipalityId, email, created.toISOString());
	await invitations.insertInvitation(trx, {
		municipalityId: values.municipalityId,
		email,
		role: values.role,
		tokenHash: hashInvitationToken(token),
		invitedBy: values.invitedBy,
		createdAt: created.toISOString(),
		expiresAt
	});
	return { token, email, role: values.role, expiresAt };
}

/** The municipality's open invitations (pending, not expired), by e-mail only, for the staff page. */
export async function listPendingInvitations(db: Db, municipalityId: number, at = now()): Promise<invitations.PendingInvitation[]> {
	return invitations.listPending(db, municipalityId, at);
}

/** Withdraws a pending invitation of this municipality; false when there is none to withdraw. */
export async function revokeInvitation(db: Db, municipalityId: number, invitationId: number): Promise<boolean> {
	return invitations.revokePending(db, municipalityId, invitationId, now());
}

/** The pending, unexpired invitation behind a link's token. */
export async function findByToken(db: Db, token: string, at = now()): Promise<invitations.InvitationView | undefined> {
	if (!token || token.length > 200) return undefined;
	return invitations.findOpenByTokenHash(db, hashInvitationToken(token), at);
}

/** The pending, unexpired invitations for a logged-in person's e-mail address. */
export async function listInvitationsFor(db: Db, email: string, at = now()): Promise<invitations.InvitationView[]> {
	return invitations.listOpenFor(db, users.normaliseEmail(email), at);
}

/**
 * A logged-in person accepts an invitation addressed to their own e-mail: they get the role in the
 * municipality. Returns the municipality's id.
 */
export async function acceptAsUser(
	db: Db,
	user: { id: number; email: string },
	invitationId: number,
	at = now()
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const invitation = await invitations.findInvitation(trx, invitationId);
		const email = users.normaliseEmail(user.email);
		if (!invitation || invitation.email !== email) throw new Refusal('invitationInvalid', 404);
		if (!(await invitations.closeInvitation(trx, { id: invitation.id, email }, 'accepted', user.id, at))) throw new Refusal('invitationInvalid', 404);
		await users.addMembership(trx, user.id, invitation.municipality_id, invitation.role);
		return invitation.municipality_id;
	});
}

/** A logged-in person declines an invitation addressed to their own e-mail. */
export async function declineAsUser(db: Db, user: { id: number; email: string }, invitationId: number, at = now()): Promise<void> {
	const email = users.normaliseEmail(user.email);
	if (!(await invitations.closeInvitation(db, { id: invitationId, email }, 'declined', user.id, at))) throw new Refusal('invitationInvalid', 404);
}

/**
 * A new person accepts through the link: the account is created with their name and password hash
 * and gets the role. When an account with the invited address exists, the link alone is not
 * enough (a link holder must not take over an account): the person logs in and accepts there.
 */
export async function acceptWithNewAccount(
	db: Db,
	token: string,
	values: { name: string; passwordHash: string },
	at = now()
): Promise<{ userId: number; municipalityId: number }> {
	return db.transaction().execute(async (trx) => {
		const found = await findByToken(trx, token, at);
		if (!found) throw new Refusal('invitationInvalid', 404);
		// Two uses of one link at once: the second waits here and then finds it used (instead of
		// failing on the account's unique e-mail).
		await lockRow(trx, 'invitation', found.id);
		const invitation = await findByToken(trx, token, at);
		if (!invitation) throw new Refusal('invitationInvalid', 404);
		if (await users.findUserByEmail(trx, invitation.email)) throw new Refusal('invitationNeedsLogin', 409);
		const user = await users.createUser(trx, { email: invitation.email, name: values.name, passwordHash: values.passwordHash });
		if (!(await invitations.closeInvitation(trx, { id: invitation.id, email: invitation.email }, 'accepted', user.id, at))) {
			throw new Refusal('invitationInvalid', 404);
		}
		await users.addMembership(trx, user.id, invitation.municipalityId, invitation.role);
		return { userId: user.id, municipalityId: invitation.municipalityId };
	});
}

export type { Invitation };
