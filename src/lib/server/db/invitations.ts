import type { Db } from './index';
import type { Invitation, InvitationStatus, Role } from './schema';

/** Whether a person with this (normalised) e-mail already belongs to the municipality, in any role. */
export async function isMemberByEmail(db: Db, municipalityId: number, email: string): Promise<boolean> {
	const member = await db
		.selectFrom('membership')
		.innerJoin('user', 'user.id', 'membership.user_id')
		.select('user.id')
		.where('membership.municipality_id', '=', municipalityId)
		.where('user.email', '=', email)
		.executeTakeFirst();
	return member !== undefined;
}

/** Revokes the address's pending invitations to the municipality (a new one replaces them). */
export async function revokePendingFor(db: Db, municipalityId: number, email: string, at: string): Promise<void> {
	await db
		.updateTable('invitation')
		.set({ status: 'revoked', closed_at: at })
		.where('municipality_id', '=', municipalityId)
		.where('email', '=', email)
		.where('status', '=', 'pending')
		.execute();
}

export async function insertInvitation(
	db: Db,
	values: { municipalityId: number; email: string; role: Role; tokenHash: string; invitedBy: number; createdAt: string; expiresAt: string }
): Promise<void> {
	await db
		.insertInto('invitation')
		.values({
			municipality_id: values.municipalityId,
			email: values.email,
			role: values.role,
			token_hash: values.tokenHash,
			invited_by: values.invitedBy,
			created_at: values.createdAt,
			expires_at: values.expiresAt
		})
		.execute();
}

export interface PendingInvitation {
	id: number;
	email: string;
	role: Role;
	createdAt: string;
	expiresAt: string;
}

/** The municipality's invitations that are pending and not expired at `at`, by e-mail. */
export async function listPending(db: Db, municipalityId: number, at: string): Promise<PendingInvitation[]> {
	return db
		.selectFrom('invitation')
		.select(['id', 'email', 'role', 'created_at as createdAt', 'expires_at as expiresAt'])
		.where('municipality_id', '=', municipalityId)
		.where('status', '=', 'pending')
		.where('expires_at', '>', at)
		.orderBy('email')
		.execute();
}

/** Revokes one pending invitation of the municipality; false when there was none. */
export async function revokePending(db: Db, municipalityId: number, invitationId: number, at: string): Promise<boolean> {
	const result = await db
		.updateTable('invitation')
		.set({ status: 'revoked', closed_at: at })
		.where('id', '=', invitationId)
		.where('municipality_id', '=', municipalityId)
		.where('status', '=', 'pending')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export interface InvitationView {
	id: number;
	email: string;
	role: Role;
	municipalityId: number;
	municipalityName: string;
	expiresAt: string;
}

/** Pending invitations unexpired at `at` of active municipalities, with the municipality's name. */
function openQuery(db: Db, at: string) {
	return db
		.selectFrom('invitation')
		.innerJoin('municipality', 'municipality.id', 'invitation.municipality_id')
		.select([
			'invitation.id',
			'invitation.email',
			'invitation.role',
			'invitation.municipality_id as municipalityId',
			'municipality.name as municipalityName',
			'invitation.expires_at as expiresAt'
		])
		.where('invitation.status', '=', 'pending')
		.where('invitation.expires_at', '>', at)
		.where('municipality.deactivated_at', 'is', null);
}

/** The open invitation (see `openQuery`) with this token hash. */
export async function findOpenByTokenHash(db: Db, tokenHash: string, at: string): Promise<InvitationView | undefined> {
	return openQuery(db, at).where('invitation.token_hash', '=', tokenHash).executeTakeFirst();
}

/** The open invitations for a (normalised) e-mail address, by municipality name. */
export async function listOpenFor(db: Db, email: string, at: string): Promise<InvitationView[]> {
	return openQuery(db, at).where('invitation.email', '=', email).orderBy('municipality.name').execute();
}

export async function findInvitation(db: Db, id: number): Promise<Invitation | undefined> {
	return db.selectFrom('invitation').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Closes a pending invitation unexpired at `at` in one statement (so it is used at most once);
 * false when it was not pending any more.
 */
export async function closeInvitation(
	db: Db,
	where: { id: number; email: string },
	status: Extract<InvitationStatus, 'accepted' | 'declined'>,
	userId: number | null,
	at: string
): Promise<boolean> {
	const result = await db
		.updateTable('invitation')
		.set({ status, closed_at: at, accepted_by: status === 'accepted' ? userId : null })
		.where('id', '=', where.id)
		.where('email', '=', where.email)
		.where('status', '=', 'pending')
		.where('expires_at', '>', at)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
