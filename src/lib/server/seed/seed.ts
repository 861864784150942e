import type { Db } from '../db';
import type { Role } from '../db/schema';
import * as assessments from '../db/assessments';
import * as catalogueStore from '../db/catalogues';
import * as municipalities from '../db/municipalities';
import * as operatorStore from '../db/operator';
import * as users from '../db/users';
import { hashPassword } from '../accounts/passwords';
import { shippedCatalogues } from '../catalogues/shipped';
import { shiftDate, today } from '../platform/clock';
import { saveAnswers, setAgreedAnswer, setAssignments } from '../questionnaire/questionnaire';
import { catalogueOf } from '../catalogues/versions';
import { DEFAULT_GROUPS, DEFAULT_K, createWorkshop, endWorkshop, join, rate, setAreas } from '../workshops/workshops';
import { seedDemoGroups, seedDemoMeasures } from './measures';
import { seedDemoPreviousRound } from './rounds';

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
 * demo password, and the assessment "Selbstcheck 2026" on the shipped catalogue, which follows the
 * closed round "Selbstcheck 2024".
 */
export async function seedDemo(db: Db, credentials = DEMO_COORDINATOR): Promise<SeedReport> {
	if ((await users.countUsers(db)) > 0) return { seeded: false, ...credentials };
	const [catalogue] = shippedCatalogues();
	if (!catalogue) throw new Error('No shipped catalogue in db/catalogues');
	const passwordHash = await hashPassword(credentials.password);
	// The demo staff keep the published demo password: an operator's own INITIAL_ADMIN_PASSWORD
	// opens only the coordinator's account.
	const staffHash = credentials.password === DEMO_COORDINATOR.password ? passwordHash : await hashPassword(DEMO_COORDINATOR.password);
	await db.transaction().execute(async (trx) => {
		// Described like a real town so the anonymous comparison can place it (it says "zu wenige" alone).
		const municipality = await operatorStore.insertMunicipality(trx, {
			name: DEMO_MUNICIPALITY,
			kind: 'kreisfreie_stadt',
			land: 'NW',
			populationBand: '100k_500k',
			ags: null
		});
		const coordinator = await users.createUser(trx, {
			email: credentials.email,
			name: 'Koordination Integrationsbüro',
			passwordHash
		});
		await users.addMembership(trx, coordinator.id, municipality.id, 'coordinator');
		for (const person of DEMO_STAFF) {
			const user = await users.createUser(trx, { ...person, passwordHash: staffHash });
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
	// The coordinator is whoever the credentials name: the demo's own or INITIAL_ADMIN_*.
	await seedDemoAnswers(db, credentials.email);
	await seedDemoWorkshop(db);
	const municipality = await demoMunicipality(db);
	const coordinator = await users.findUserByEmail(db, credentials.email);
	await seedDemoPreviousRound(db, municipality.id, coordinator!.id);
	return { seeded: true, ...credentials };
}

/**
 * Per area a cycle of answers, chosen so the demo shows every level, a "nicht bewertbar"-free
 * result and — like Krefeld 2020 — areas 1 and 7 at level 1 in the administration's view.
 */
const DEMO_PATTERNS: Record<number, string[]> = {
	1: ['3', '3', '2', '3', '3', '3', '2', '3'],
	2: ['2', '1', '2', '3', '1', '2', '0', '2', 'unknown'],
	3: ['1', '2', '0', '1', '2', '1', 'unknown', '1', '0'],
	4: ['2', '2', '1', '3', '2', '1'],
	5: ['1', '0', '1', '0', '2', '0', '1'],
	6: ['2', '3', '2', '1', '2', '3'],
	7: ['3', '3', '3', '2', '3', '3', '2']
};

/** Who answers what in the demo: two editors overlap in areas 2 and 3, which gives disagreements. */
const DEMO_ASSIGNMENTS: Record<string, number[]> = {
	'integration@musterstadt.example': [1, 2, 3, 5, 6, 7],
	'personal@musterstadt.example': [2],
	'wirtschaft@musterstadt.example': [3, 4]
};

/** A neighbouring step on the scale, for the second rater's differing answers. */
const OTHER_VIEW: Record<string, string> = { '3': '2', '2': '1', '1': '2', '0': '1', unknown: '1' };

async function demoMunicipality(db: Db) {
	const municipality = await municipalities.findMunicipalityByName(db, DEMO_MUNICIPALITY);
	if (!municipality) throw new Error(`Demo seed: no municipality ${DEMO_MUNICIPALITY}`);
	return municipality;
}

/** The demo's current round, "Selbstcheck 2026" (the first one seeded). */
async function demoAssessment(db: Db, municipalityId: number) {
	const assessment = await assessments.findAssessmentByName(db, municipalityId, 'Selbstcheck 2026');
	if (!assessment) throw new Error('Demo seed: no assessment "Selbstcheck 2026"');
	return assessment;
}

async function seedDemoAnswers(db: Db, coordinatorEmail: string): Promise<void> {
	const municipality = await demoMunicipality(db);
	const assessment = await demoAssessment(db, municipality.id);
	const catalogue = await catalogueOf(db, assessment);
	const staff = await users.listStaff(db, municipality.id);
	const idOf = (email: string) => {
		const person = staff.find((s) => s.email === users.normaliseEmail(email));
		if (!person) throw new Error(`Demo seed: no account ${email} in ${DEMO_MUNICIPALITY}`);
		return person.id;
	};

	await setAssignments(
		db,
		assessment,
		Object.entries(DEMO_ASSIGNMENTS).flatMap(([email, areas]) => areas.map((area) => ({ area, userId: idOf(email) })))
	);
	for (const [email, areas] of Object.entries(DEMO_ASSIGNMENTS)) {
		const userId = idOf(email);
		const second = email !== 'integration@musterstadt.example' && email !== 'wirtschaft@musterstadt.example';
		for (const areaNumber of areas) {
			const area = catalogue.areas.find((a) => a.number === areaNumber)!;
			const pattern = DEMO_PATTERNS[areaNumber]!;
			// In area 3 the business development office answers only its own topic.
			const questions =
				areaNumber === 3 && email === 'wirtschaft@musterstadt.example'
					? area.questions.filter((q) => q.topic === 'arbeit-ausbildung')
					: area.questions;
			const inputs = questions.map((q, i) => {
				const base = pattern[area.questions.indexOf(q) % pattern.length]!;
				const differs = (second || email === 'wirtschaft@musterstadt.example') && areaNumber !== 4 && i % 3 === 1;
				return {
					questionId: q.id,
					value: differs ? OTHER_VIEW[base]! : base,
					comment: i === 0 ? 'Stand laut Fachbereich, siehe Ratsvorlage.' : '',
					evidence: i === 0 ? 'Ratsbeschluss 2024/117' : ''
				};
			});
			await saveAnswers(db, assessment, { userId, role: 'editor' }, inputs);
		}
	}

	// The coordinator has already settled two of the disagreements in area 2; the rest stay open.
	const coordinatorId = idOf(coordinatorEmail);
	for (const questionId of ['2.02', '2.05']) {
		await setAgreedAnswer(db, assessment, coordinatorId, {
			questionId,
			value: DEMO_PATTERNS[2]![Number(questionId.slice(2)) - 1]!,
			reason: 'In der Abstimmungsrunde am 12. Oktober so festgelegt: Die Maßnahme läuft, ist aber noch nicht verstetigt.',
			expectedVersion: 0
		});
	}
}

/** On a database without accounts: the first coordinator and their municipality. */
export async function seedInitialAdmin(
	db: Db,
	values: { email: string; password: string; municipality: string }
): Promise<boolean> {
	if ((await users.countUsers(db)) > 0) return false;
	const passwordHash = await hashPassword(values.password);
	await db.transaction().execute(async (trx) => {
		const municipality = await municipalities.createMunicipality(trx, values.municipality);
		const user = await users.createUser(trx, { email: values.email, name: values.email, passwordHash });
		await users.addMembership(trx, user.id, municipality.id, 'coordinator');
	});
	return true;
}

export const DEMO_OPERATOR = { email: 'betrieb@selbstcheck.example', password: 'Betrieb-2026' };

export type OperatorSeed = 'created' | 'exists' | 'emailTaken';

/**
 * The first operator (Betrieb): created while no account is an operator, so an installation that ran
 * for one municipality can add one later. An address that already has an account is not promoted
 * silently ('emailTaken'); once an operator exists the settings are ignored ('exists').
 */
export async function seedOperator(db: Db, values: { email: string; password: string }): Promise<OperatorSeed> {
	if (await users.hasOperator(db)) return 'exists';
	if (await users.findUserByEmail(db, values.email)) return 'emailTaken';
	const passwordHash = await hashPassword(values.password);
	const user = await users.createUser(db, { email: values.email, name: 'Plattformbetrieb', passwordHash });
	await users.makeOperator(db, user.id);
	return 'created';
}

/**
 * A finished demo workshop with 35 ballots. Like Krefeld 2020, most of the room puts areas 1 and 7
 * at level 3 while the administration says level 1. "Wirtschaft" has only 4 people, below k = 5,
 * so the demo also shows a suppressed group.
 */
const DEMO_ROOM: { group: string | null; count: number }[] = [
	{ group: 'Verwaltung', count: 8 },
	{ group: 'Politik', count: 6 },
	{ group: 'Zivilgesellschaft', count: 9 },
	{ group: 'Wirtschaft', count: 4 },
	{ group: 'Migrantenorganisation', count: 6 },
	{ group: null, count: 2 }
];

/** Per area, the levels the room gives in turn (0 stands for "kann ich nicht beurteilen"). */
const DEMO_ROOM_LEVELS: Record<number, number[]> = {
	1: [3, 3, 2, 3, 4, 3, 3, 2],
	2: [2, 3, 2, 2, 3, 1, 0],
	3: [3, 3, 4, 2, 3, 3],
	4: [2, 2, 3, 1, 2, 0, 2],
	5: [4, 3, 4, 4, 3],
	6: [2, 3, 2, 2, 1, 3],
	7: [3, 4, 3, 3, 2, 3, 3]
};

async function seedDemoWorkshop(db: Db): Promise<void> {
	const assessment = await demoAssessment(db, (await demoMunicipality(db)).id);
	const facilitator = await users.findUserByEmail(db, 'moderation@musterstadt.example');
	const workshop = await createWorkshop(db, assessment, facilitator!.id, {
		title: 'Workshop Weltoffene Kommune',
		heldOn: shiftDate(today(), -54),
		areas: [1, 2, 3, 4, 5, 6, 7],
		groups: DEFAULT_GROUPS,
		k: DEFAULT_K
	});
	await setAreas(db, workshop.id, [1, 2, 3, 4, 5, 6, 7], true);
	let person = 0;
	const tokens: string[] = [];
	for (const { group, count } of DEMO_ROOM) {
		for (let i = 0; i < count; i++, person++) {
			const token = await join(db, workshop, undefined, group);
			tokens.push(token);
			for (const [area, levels] of Object.entries(DEMO_ROOM_LEVELS)) {
				const level = levels[(person + Number(area)) % levels.length]!;
				await rate(db, workshop.id, token, Number(area), level === 0 ? null : (level as 1 | 2 | 3 | 4));
			}
		}
	}
	await seedDemoGroups(db, workshop, facilitator!.id, tokens);
	await endWorkshop(db, workshop.id);
	await seedDemoMeasures(db, assessment);
}
