import type { Db } from './index';
import type { Municipality, MunicipalityKind, PopulationBand, Role } from './schema';
import { now } from '../platform/clock';

export async function createMunicipality(db: Db, name: string): Promise<Municipality> {
	return db
		.insertInto('municipality')
		.values({ name, created_at: now() })
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function findMunicipality(db: Db, id: number): Promise<Municipality | undefined> {
	return db.selectFrom('municipality').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMunicipalityByName(db: Db, name: string): Promise<Municipality | undefined> {
	return db.selectFrom('municipality').selectAll().where('name', '=', name).executeTakeFirst();
}

export interface MembershipOf {
	municipalityId: number;
	municipalityName: string;
	role: Role;
}

/** The municipalities a person may work in (active memberships of active municipalities), by name. */
export async function listMembershipsOf(db: Db, userId: number): Promise<MembershipOf[]> {
	return db
		.selectFrom('membership')
		.innerJoin('municipality', 'municipality.id', 'membership.municipality_id')
		.select([
			'municipality.id as municipalityId',
			'municipality.name as municipalityName',
			'membership.role as role'
		])
		.where('membership.user_id', '=', userId)
		.where('membership.active', '=', 1)
		.where('municipality.deactivated_at', 'is', null)
		.orderBy('municipality.name')
		.execute();
}

/**
 * The person's active role in the municipality, or undefined when they have no access to it. A
 * deactivated municipality gives nobody a role: its members cannot open it, its data is kept.
 */
export async function findRole(db: Db, userId: number, municipalityId: number): Promise<Role | undefined> {
	const row = await db
		.selectFrom('membership')
		.innerJoin('municipality', 'municipality.id', 'membership.municipality_id')
		.select('membership.role')
		.where('membership.user_id', '=', userId)
		.where('membership.municipality_id', '=', municipalityId)
		.where('membership.active', '=', 1)
		.where('municipality.deactivated_at', 'is', null)
		.executeTakeFirst();
	return row?.role;
}

/** How many municipalities have a name starting with `prefix` (the benchmark seed's marker). */
export async function countNamedWithPrefix(db: Db, prefix: string): Promise<number> {
	const row = await db
		.selectFrom('municipality')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('name', 'like', `${prefix}%`)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/**
 * Seeds only: describes a municipality for the comparison in one write — its profile, the opt-in
 * and whether it is deactivated, all dated `at`.
 */
export async function describeForComparison(
	db: Db,
	id: number,
	values: { kind: MunicipalityKind; band: PopulationBand | null; land: string; optedIn: boolean; deactivated: boolean; at: string }
): Promise<void> {
	await db
		.updateTable('municipality')
		.set({
			kind: values.kind,
			population_band: values.band,
			land: values.land,
			comparison_opt_in: values.optedIn ? 1 : 0,
			comparison_changed_at: values.optedIn ? values.at : null,
			deactivated_at: values.deactivated ? values.at : null
		})
		.where('id', '=', id)
		.execute();
}
