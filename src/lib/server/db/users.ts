import type { Db } from './index';
import type { Role, User } from './schema';
import { now } from '../platform/clock';

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
	return db.selectFrom('user').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function findUser(db: Db, id: number): Promise<User | undefined> {
	return db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countUsers(db: Db): Promise<number> {
	const row = await db.selectFrom('user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Emails are compared case-insensitively: people type them in every case. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function createUser(
	db: Db,
	values: { email: string; name: string; passwordHash: string; mustChangePassword?: boolean }
): Promise<User> {
	return db
		.insertInto('user')
		.values({
			email: normaliseEmail(values.email),
			name: values.name,
			password_hash: values.passwordHash,
			must_change_password: values.mustChangePassword ? 1 : 0,
			created_at: now()
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

/**
 * Stores a new password hash. `oneTime`: a password someone else chose (a coordinator's reset),
 * which the person must replace at the next login; otherwise the person's own, which clears that.
 */
export async function setPasswordHash(db: Db, userId: number, passwordHash: string, oneTime = false): Promise<void> {
	await db
		.updateTable('user')
		.set({ password_hash: passwordHash, must_change_password: oneTime ? 1 : 0 })
		.where('id', '=', userId)
		.execute();
}

export async function addMembership(
	db: Db,
	userId: number,
	municipalityId: number,
	role: Role
): Promise<void> {
	await db
		.insertInto('membership')
		.values({ user_id: userId, municipality_id: municipalityId, role, created_at: now() })
		.onConflict((oc) => oc.columns(['user_id', 'municipality_id']).doUpdateSet({ role, active: 1 }))
		.execute();
}

export interface StaffMember {
	id: number;
	name: string;
	email: string;
	role: Role;
	active: boolean;
}

function staffQuery(db: Db, municipalityId: number) {
	return db
		.selectFrom('membership')
		.innerJoin('user', 'user.id', 'membership.user_id')
		.select(['user.id', 'user.name', 'user.email', 'membership.role', 'membership.active', 'user.active as userActive'])
		.where('membership.municipality_id', '=', municipalityId);
}

function toStaffMember(row: { id: number; name: string; email: string; role: Role; active: number; userActive: number }): StaffMember {
	const { id, name, email, role } = row;
	return { id, name, email, role, active: row.active === 1 && row.userActive === 1 };
}

/** Everyone with a membership in the municipality, active ones first, by name. */
export async function listStaff(db: Db, municipalityId: number): Promise<StaffMember[]> {
	const rows = await staffQuery(db, municipalityId).orderBy('membership.active', 'desc').orderBy('user.name').execute();
	return rows.map(toStaffMember);
}

export async function findStaffMember(db: Db, municipalityId: number, userId: number): Promise<StaffMember | undefined> {
	const row = await staffQuery(db, municipalityId).where('membership.user_id', '=', userId).executeTakeFirst();
	return row && toStaffMember(row);
}

export async function setMembershipActive(
	db: Db,
	municipalityId: number,
	userId: number,
	active: boolean
): Promise<void> {
	await db
		.updateTable('membership')
		.set({ active: active ? 1 : 0 })
		.where('municipality_id', '=', municipalityId)
		.where('user_id', '=', userId)
		.execute();
}

export async function setMembershipRole(db: Db, municipalityId: number, userId: number, role: Role): Promise<void> {
	await db
		.updateTable('membership')
		.set({ role })
		.where('municipality_id', '=', municipalityId)
		.where('user_id', '=', userId)
		.execute();
}

/** The people who may answer the municipality's questionnaires: its active editors and coordinators. */
export async function listAnswererIds(db: Db, municipalityId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('membership')
		.select('user_id')
		.where('municipality_id', '=', municipalityId)
		.where('active', '=', 1)
		.where('role', 'in', ['editor', 'coordinator'])
		.execute();
	return rows.map((m) => m.user_id);
}

/** The municipalities the person belongs to in which `actorId` is not an active coordinator. */
export async function municipalitiesOutsideCoordination(db: Db, userId: number, actorId: number): Promise<number> {
	const row = await db
		.selectFrom('membership as m')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('m.user_id', '=', userId)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('membership as c')
						.select('c.user_id')
						.whereRef('c.municipality_id', '=', 'm.municipality_id')
						.where('c.user_id', '=', actorId)
						.where('c.role', '=', 'coordinator')
						.where('c.active', '=', 1)
				)
			)
		)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Whether any account runs the installation (is an operator). */
export async function hasOperator(db: Db): Promise<boolean> {
	return (await db.selectFrom('user').select('id').where('operator', '=', 1).executeTakeFirst()) !== undefined;
}

/** Makes the account an operator (Betrieb). */
export async function makeOperator(db: Db, userId: number): Promise<void> {
	await db.updateTable('user').set({ operator: 1 }).where('id', '=', userId).execute();
}
