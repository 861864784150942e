import type { Db } from '../db';
import * as municipalities from '../db/municipalities';
import * as users from '../db/users';
import type { Role } from '../db/schema';

export type { Role };

export type { MembershipOf } from '../db/municipalities';
export type { StaffMember } from '../db/users';

/** The municipalities a person may work in (active memberships of active municipalities), by name. */
export async function membershipsOf(db: Db, userId: number): Promise<municipalities.MembershipOf[]> {
	return municipalities.listMembershipsOf(db, userId);
}

/** Everyone with a membership in the municipality, active ones first, by name. */
export async function staffOf(db: Db, municipalityId: number): Promise<users.StaffMember[]> {
	return users.listStaff(db, municipalityId);
}

/** A member of the municipality (active or not); undefined for anyone else. */
export async function findStaffMember(db: Db, municipalityId: number, userId: number): Promise<users.StaffMember | undefined> {
	return users.findStaffMember(db, municipalityId, userId);
}

/** Lets a deactivated member of the municipality in again. */
export async function reactivateMember(db: Db, municipalityId: number, userId: number): Promise<void> {
	await users.setMembershipActive(db, municipalityId, userId, true);
}

export async function setMemberRole(db: Db, municipalityId: number, userId: number, role: Role): Promise<void> {
	await users.setMembershipRole(db, municipalityId, userId, role);
}

/**
 * Whether the person also works in a municipality `actorId` does not coordinate: a coordinator
 * resetting their password would open that other municipality's data.
 */
export async function worksOutsideCoordinationOf(db: Db, userId: number, actorId: number): Promise<boolean> {
	return (await users.municipalitiesOutsideCoordination(db, userId, actorId)) > 0;
}

/** A person's display name, or null for an unknown id. */
export async function nameOf(db: Db, userId: number): Promise<string | null> {
	return (await users.findUser(db, userId))?.name ?? null;
}

/** The municipality's name (it exists: the caller holds a row of it). */
export async function municipalityName(db: Db, municipalityId: number): Promise<string> {
	const municipality = await municipalities.findMunicipality(db, municipalityId);
	if (!municipality) throw new Error(`No municipality ${municipalityId}`);
	return municipality.name;
}

/**
 * The signed-in person's membership in a municipality, as the access hook sets it on the request:
 * undefined when they are no active member of an active municipality (answered 404, not 403).
 */
export async function membershipIn(
	db: Db,
	userId: number,
	municipalityId: number
): Promise<{ municipalityId: number; municipalityName: string; role: Role } | undefined> {
	const role = await municipalities.findRole(db, userId, municipalityId);
	if (!role) return undefined;
	const municipality = await municipalities.findMunicipality(db, municipalityId);
	return municipality && { municipalityId, municipalityName: municipality.name, role };
}
