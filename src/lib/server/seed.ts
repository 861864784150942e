import type { Db } from './db';
import type { Role } from './db/schema';
import * as assessments from './db/assessments';
import * as catalogueStore from './db/catalogues';
import * as users from './db/users';
import { hashPassword } from './passwords';
import { shippedCatalogues } from './shipped';
import { now } from './db/time';

export const DEMO_MUNICIPALITY = 'Musterstadt';
export const DEMO_COORDINATOR = { email: 'koordination@musterstadt.example', password: 'Musterstadt-2026' };
export const DEMO_STAFF: { email: string; name: string; role: Role }[] = [
	{ email: 'integration@musterstadt.example', name: 'Aylin Demir (Integrationsbüro)', role: 'editor' },
	{ email: 'personal@musterstadt.example', name: 'Jonas Weber (Personalamt)', role: 'editor' },
	{ email: 'wirtschaft@musterstadt.example', name: 'Maria Kowalski (Wirtschaftsförderung)', role: 'editor' },
	{ email: 'moderation@musterstadt.example', name: 'Samuel Okafor (Moderation)', role: 'facilitator' }
];

export interface SeedReport {
	seeded: boolean;
	email: string;
	password: string;
}

/**
 * On an empty database: the demo municipality Musterstadt with a coordinator, staff who share the
 * demo password, and the assessment "Selbstcheck 2026" on the shipped catalogue.
 */
export async function seedDemo(db: Db, credentials = DEMO_COORDINATOR): Promise<SeedReport> {
	if ((await users.countUsers(db)) > 0) return { seeded: false, ...credentials };
	const [catalogue] = shippedCatalogues();
	if (!catalogue) throw new Error('No shipped catalogue in db/catalogues');
	const passwordHash = await hashPassword(credentials.password);
	await db.transaction().execute(async (trx) => {
		const municipality = await trx
			.insertInto('municipality')
			.values({ name: DEMO_MUNICIPALITY, created_at: now() })
			.returningAll()
			.executeTakeFirstOrThrow();
		const coordinator = await users.createUser(trx, {
			email: credentials.email,
			name: 'Koordination Integrationsbüro',
			passwordHash
		});
		await users.addMembership(trx, coordinator.id, municipality.id, 'coordinator');
		for (const person of DEMO_STAFF) {
			const user = await users.createUser(trx, { ...person, passwordHash });
			await users.addMembership(trx, user.id, municipality.id, person.role);
		}
		const stored = (await catalogueStore.listCatalogues(trx, municipality.id)).find(
			(c) => c.shipped && c.key === catalogue.id && c.version === catalogue.version
		);
		if (!stored) throw new Error('The shipped catalogue must be stored before the demo is seeded');
		await assessments.createAssessment(trx, {
			municipalityId: municipality.id,
			name: 'Selbstcheck 2026',
			catalogueId: stored.id,
			createdBy: coordinator.id
		});
	});
	return { seeded: true, ...credentials };
}

/** On a database without accounts: the first coordinator and their municipality. */
export async function seedInitialAdmin(
	db: Db,
	values: { email: string; password: string; municipality: string }
): Promise<boolean> {
	if ((await users.countUsers(db)) > 0) return false;
	const passwordHash = await hashPassword(values.password);
	await db.transaction().execute(async (trx) => {
		const municipality = await trx
			.insertInto('municipality')
			.values({ name: values.municipality, created_at: now() })
			.returningAll()
			.executeTakeFirstOrThrow();
		const user = await users.createUser(trx, { email: values.email, name: values.email, passwordHash });
		await users.addMembership(trx, user.id, municipality.id, 'coordinator');
	});
	return true;
}
