import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as catalogues from '../db/catalogues';
import * as municipalities from '../db/municipalities';
import * as users from '../db/users';
import { Refusal } from '../http/refusal';
import { storeShippedCatalogues } from '../catalogues/shipped';
import { DEFAULT_GROUPS, createWorkshop } from '../workshops/workshops';

/** What a service call ended in, for tests: "accepted", or a refusal's "status code" ("409 areaClosed"). */
export async function refusalOf(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (err) {
		if (err instanceof Refusal) return `${err.status} ${err.code}`;
		throw err;
	}
	return 'accepted';
}

/** A municipality with a facilitator, an assessment on the shipped catalogue and a workshop rating `areas`. */
export async function workshopSetup(db: Db, areas: number[]) {
	await storeShippedCatalogues(db);
	const m = await municipalities.createMunicipality(db, 'Teststadt');
	const user = await users.createUser(db, { email: 'mod@test.de', name: 'Moderation', passwordHash: 'x' });
	await users.addMembership(db, user.id, m.id, 'facilitator');
	const [catalogue] = await catalogues.listCatalogues(db, m.id);
	const assessment = await assessments.createAssessment(db, { municipalityId: m.id, name: 'Check', catalogueId: catalogue!.id, createdBy: null });
	const workshop = await createWorkshop(db, assessment, user.id, { title: 'Workshop', heldOn: '2026-12-03', areas, groups: DEFAULT_GROUPS, k: 5 });
	return { assessment, facilitator: user.id, workshop };
}
