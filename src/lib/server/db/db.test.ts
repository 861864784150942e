import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateCatalogueText, type Catalogue } from '$lib/schemas/catalogue';
import { readFileSync } from 'node:fs';
import * as assessments from './assessments';
import * as catalogues from './catalogues';
import * as municipalities from './municipalities';
import * as users from './users';
import { createEmptyTestDb, createSqliteTestDb, createTestDb } from './testing';
import { migrationProvider, type Db } from './index';
import { createSession, invalidateSession, validateSession } from '../accounts/sessions';
import { seedDemo, seedInitialAdmin } from '../seed/seed';
import { storeShippedCatalogues } from '../catalogues/shipped';

const shipped = (): Catalogue => {
	const result = validateCatalogueText(readFileSync('db/catalogues/weltoffene-kommune-2026.1.json', 'utf8'));
	if (!result.ok) throw new Error('shipped catalogue invalid');
	return result.catalogue;
};

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});
afterEach(async () => {
	await db.destroy();
});

async function person(email: string, municipalityId: number, role: 'coordinator' | 'editor' | 'facilitator') {
	const user = await users.createUser(db, { email, name: email, passwordHash: 'x' });
	await users.addMembership(db, user.id, municipalityId, role);
	return user;
}

describe('the migrations', () => {
	it('build every table on an empty file, with WAL and foreign keys on', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'selbstcheck-'));
		const fileDb = await createSqliteTestDb(join(dir, 'test.db'));
		try {
			const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(fileDb);
			expect(tables.rows.map((r) => r.name)).toEqual(
				expect.arrayContaining(['assessment', 'catalogue', 'membership', 'municipality', 'session', 'user'])
			);
			const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(fileDb);
			expect(mode.rows[0]?.journal_mode).toBe('wal');
			const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(fileDb);
			expect(fk.rows[0]?.foreign_keys).toBe(1);
		} finally {
			await fileDb.destroy();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('give every table with a generated id the same key on both stores (AUTOINCREMENT / identity)', async () => {
		const tables = await db.introspection.getTables();
		const generated = tables.filter((t) => t.columns.some((c) => c.name === 'id' && c.isAutoIncrementing)).map((t) => t.name);
		expect(generated.sort()).toEqual(
			['answer_history', 'assessment', 'ballot', 'ballot_void', 'catalogue', 'catalogue_draft', 'comparison_snapshot', 'group_table', 'invitation', 'measure', 'measure_history', 'measure_note', 'municipality', 'proposal', 'shared_limit', 'user', 'workshop'].filter(
				(name) => tables.some((t) => t.name === name)
			)
		);
		expect(generated.length).toBeGreaterThanOrEqual(14);
	});

	it('refuse rows that point nowhere', async () => {
		await expect(
			db.insertInto('membership').values({ user_id: 99, municipality_id: 99, role: 'editor', created_at: 'x' }).execute()
		).rejects.toThrow(/foreign key/i);
	});
});

/** Only German and English, as catalogue texts were before the participant languages. */
const germanAndEnglish = ({ de, en }: { de: string; en: string }) => ({ de, en });

describe('the honest-figures migration', () => {
	it('splits "weiß nicht / trifft nicht zu": stored answers keep meaning "weiß nicht", the shipped file matches exactly', async () => {
		const old = await createEmptyTestDb();
		const migrator = new Migrator({ db: old, provider: migrationProvider });
		expect((await migrator.migrateTo('2026_11_22_0500_workshop')).error).toBeUndefined();
		// The catalogue as it was stored before: one combined step without points, German and English only, no suggestions.
		const before = shipped();
		for (const area of before.areas) {
			for (const question of area.questions) {
				delete question.suggestion;
				delete question.notApplicableFor;
			}
		}
		delete before.translations;
		for (const level of before.levels) level.name = germanAndEnglish(level.name);
		for (const area of before.areas) {
			area.name = germanAndEnglish(area.name);
			area.description = germanAndEnglish(area.description);
		}
		expect(JSON.stringify(before)).not.toContain('الإدارة والتوجيه');
		before.scale = [
			...before.scale.slice(0, 4),
			{ value: 'unknown', points: null, label: { de: 'weiß nicht / trifft nicht zu', en: "don't know / not applicable" } }
		];
		await sql`insert into catalogue (catalogue_key, version, title_de, title_en, question_count, content, imported_at)
			values (${before.id}, ${before.version}, 't', 't', 105, ${JSON.stringify(before)}, '2026-01-01')`.execute(old);
		expect((await migrator.migrateToLatest()).error).toBeUndefined();

		const row = await old.selectFrom('catalogue').select('content').executeTakeFirstOrThrow();
		// Upgraded: the new scale and the participant languages of the shipped file, key for key.
		expect(row.content).toBe(JSON.stringify(shipped()));
		expect(JSON.parse(row.content).areas[0].name.ar).toBe('الإدارة والتوجيه');
		// The next start finds the shipped file equal to what is stored: no conflict.
		await expect(storeShippedCatalogues(old)).resolves.toBeUndefined();
		const workshop = (await old.introspection.getTables()).find((table) => table.name === 'workshop');
		const workshopColumns = workshop!.columns.map((column) => column.name);
		expect(workshopColumns).toEqual(expect.arrayContaining(['rehearsal', 'archived_at']));
		await old.destroy();
	});
});

describe('storing catalogues', () => {
	it('stores a new version once; the same content again is unchanged, other content a conflict', async () => {
		const m = await municipalities.createMunicipality(db, 'Teststadt');
		const catalogue = shipped();
		const first = await catalogues.storeCatalogue(db, catalogue, m.id, null);
		expect(first.status).toBe('stored');
		expect(await catalogues.storeCatalogue(db, catalogue, m.id, null)).toEqual({ status: 'unchanged', id: first.id });

		const changed = structuredClone(catalogue);
		changed.areas[0]!.questions[0]!.text.de = 'Anders';
		expect(await catalogues.storeCatalogue(db, changed, m.id, null)).toEqual({ status: 'conflict', id: first.id });
		const row = await catalogues.findCatalogue(db, m.id, first.id);
		expect(catalogues.parseContent(row!)).toEqual(catalogue);

		changed.version = '2026.2';
		expect((await catalogues.storeCatalogue(db, changed, m.id, null)).status).toBe('stored');
		expect((await catalogues.listCatalogues(db, m.id)).map((c) => c.version).sort()).toEqual(['2026.1', '2026.2']);
	});

	it('treats a shipped version as taken for every municipality', async () => {
		const m = await municipalities.createMunicipality(db, 'Teststadt');
		await storeShippedCatalogues(db);
		await storeShippedCatalogues(db);
		const changed = shipped();
		changed.title.de = 'Umbenannt';
		expect((await catalogues.storeCatalogue(db, changed, m.id, null)).status).toBe('conflict');
		expect(await catalogues.listCatalogues(db, m.id)).toHaveLength(1);
	});

	it("keeps one municipality's imports out of another's sight", async () => {
		const a = await municipalities.createMunicipality(db, 'A-Stadt');
		const b = await municipalities.createMunicipality(db, 'B-Dorf');
		const own = shipped();
		own.id = 'a-eigen';
		const stored = await catalogues.storeCatalogue(db, own, a.id, null);
		expect(await catalogues.findCatalogue(db, a.id, stored.id)).toBeDefined();
		expect(await catalogues.findCatalogue(db, b.id, stored.id)).toBeUndefined();
		expect(await catalogues.listCatalogues(db, b.id)).toEqual([]);
		// B may store the same key and version as its own.
		expect((await catalogues.storeCatalogue(db, own, b.id, null)).status).toBe('stored');
	});
});

describe('assessments', () => {
	it('are listed per municipality, newest first, with their pinned catalogue', async () => {
		await storeShippedCatalogues(db);
		const a = await municipalities.createMunicipality(db, 'A-Stadt');
		const b = await municipalities.createMunicipality(db, 'B-Dorf');
		const [catalogue] = await catalogues.listCatalogues(db, a.id);
		await assessments.createAssessment(db, { municipalityId: a.id, name: 'Selbstcheck 2024', catalogueId: catalogue!.id, createdBy: null });
		await assessments.createAssessment(db, { municipalityId: a.id, name: 'Selbstcheck 2026', catalogueId: catalogue!.id, createdBy: null });
		await assessments.createAssessment(db, { municipalityId: b.id, name: 'Selbstcheck 2026', catalogueId: catalogue!.id, createdBy: null });
		const list = await assessments.listAssessments(db, a.id);
		expect(list.map((x) => x.name)).toEqual(['Selbstcheck 2026', 'Selbstcheck 2024']);
		expect(list[0]).toMatchObject({ catalogueVersion: '2026.1', questionCount: 105 });
		await expect(
			assessments.createAssessment(db, { municipalityId: a.id, name: 'Selbstcheck 2026', catalogueId: catalogue!.id, createdBy: null })
		).rejects.toThrow(/unique/i);
	});
});

describe('staff and memberships', () => {
	it('give a person a role per municipality and only active ones count', async () => {
		const a = await municipalities.createMunicipality(db, 'A-Stadt');
		const b = await municipalities.createMunicipality(db, 'B-Dorf');
		const lea = await person('Lea@Stadt.DE', a.id, 'editor');
		await users.addMembership(db, lea.id, b.id, 'coordinator');
		expect(lea.email).toBe('lea@stadt.de');
		expect(await users.findUserByEmail(db, ' LEA@stadt.de ')).toMatchObject({ id: lea.id });
		expect(await municipalities.findRole(db, lea.id, a.id)).toBe('editor');
		expect(await municipalities.findRole(db, lea.id, b.id)).toBe('coordinator');

		await users.setMembershipActive(db, a.id, lea.id, false);
		expect(await municipalities.findRole(db, lea.id, a.id)).toBeUndefined();
		expect((await municipalities.listMembershipsOf(db, lea.id)).map((m) => m.municipalityName)).toEqual(['B-Dorf']);
		expect((await users.listStaff(db, a.id)).map((s) => [s.email, s.active])).toEqual([['lea@stadt.de', false]]);
	});

	it('counts the municipalities of a person that an acting coordinator does not coordinate', async () => {
		const a = await municipalities.createMunicipality(db, 'A-Stadt');
		const b = await municipalities.createMunicipality(db, 'B-Dorf');
		const coordinatorA = await person('koord@a.de', a.id, 'coordinator');
		const onlyA = await person('nur-a@a.de', a.id, 'editor');
		const both = await person('beide@a.de', a.id, 'editor');
		await users.addMembership(db, both.id, b.id, 'editor');
		expect(await users.municipalitiesOutsideCoordination(db, onlyA.id, coordinatorA.id)).toBe(0);
		expect(await users.municipalitiesOutsideCoordination(db, both.id, coordinatorA.id)).toBe(1);
		await users.addMembership(db, coordinatorA.id, b.id, 'coordinator');
		expect(await users.municipalitiesOutsideCoordination(db, both.id, coordinatorA.id)).toBe(0);
	});
});

describe('sessions', () => {
	it('find the user by token until it is invalidated or expires', async () => {
		const m = await municipalities.createMunicipality(db, 'A-Stadt');
		const user = await person('a@a.de', m.id, 'editor');
		const { token } = await createSession(db, user.id, 1);
		expect(await validateSession(db, token)).toMatchObject({ id: user.id, email: 'a@a.de' });
		const stored = await db.selectFrom('session').select('token_hash').execute();
		expect(stored.map((s) => s.token_hash)).not.toContain(token);

		await invalidateSession(db, token);
		expect(await validateSession(db, token)).toBeUndefined();

		const expired = await createSession(db, user.id, 1);
		await db.updateTable('session').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
		expect(await validateSession(db, expired.token)).toBeUndefined();
		expect(await db.selectFrom('session').selectAll().execute()).toEqual([]);
	});

	it('end when the account is deactivated', async () => {
		const m = await municipalities.createMunicipality(db, 'A-Stadt');
		const user = await person('a@a.de', m.id, 'editor');
		const { token } = await createSession(db, user.id, 1);
		await db.updateTable('user').set({ active: 0 }).where('id', '=', user.id).execute();
		expect(await validateSession(db, token)).toBeUndefined();
	});
});

describe('seeding', () => {
	it('creates the demo municipality once, with staff and an assessment on the shipped catalogue', async () => {
		await storeShippedCatalogues(db);
		const report = await seedDemo(db);
		expect(report.seeded).toBe(true);
		expect((await seedDemo(db)).seeded).toBe(false);
		const musterstadt = await municipalities.findMunicipalityByName(db, 'Musterstadt');
		const staff = await users.listStaff(db, musterstadt!.id);
		expect(staff.map((s) => s.role).sort()).toEqual(['coordinator', 'editor', 'editor', 'editor', 'facilitator']);
		// "Selbstcheck 2026" follows the closed earlier round "Selbstcheck 2024" (for the progress view).
		const list = await assessments.listAssessments(db, musterstadt!.id);
		expect(list.map((a) => [a.name, a.questionCount, a.status])).toEqual([
			['Selbstcheck 2026', 105, 'open'],
			['Selbstcheck 2024', 105, 'closed']
		]);
		const current = await assessments.findAssessmentByName(db, musterstadt!.id, 'Selbstcheck 2026');
		const previous = await assessments.findAssessmentByName(db, musterstadt!.id, 'Selbstcheck 2024');
		expect(current).toMatchObject({ id: 1, previous_assessment_id: previous!.id });
		// A finished demo workshop: 35 ballots, each rating all 7 areas.
		const [workshop] = await db.selectFrom('workshop').selectAll().where('assessment_id', '=', current!.id).execute();
		expect(workshop).toMatchObject({ status: 'ended', title: 'Workshop Weltoffene Kommune' });
		const ballots = await db.selectFrom('ballot').select(['stakeholder_group']).where('workshop_id', '=', workshop!.id).execute();
		expect(ballots).toHaveLength(35);
		expect(ballots.filter((b) => b.stakeholder_group === 'Wirtschaft')).toHaveLength(4);
		expect(await db.selectFrom('rating').selectAll().where('workshop_id', '=', workshop!.id).execute()).toHaveLength(35 * 7);
		// The demo's one workshop belongs to 2026; 2024 has answers only.
		expect(await db.selectFrom('workshop').select('id').execute()).toHaveLength(1);
		expect(await db.selectFrom('answer').select('question_id').where('assessment_id', '=', previous!.id).execute()).toHaveLength(105);
	});

	it('writes nothing of the demo when it fails part-way', async () => {
		// Without the shipped catalogue the assessment cannot be created: the whole seed rolls back.
		await expect(seedDemo(db)).rejects.toThrow(/shipped catalogue/);
		expect(await users.countUsers(db)).toBe(0);
		expect(await db.selectFrom('municipality').selectAll().execute()).toEqual([]);
	});

	it('creates the first coordinator only on a database without accounts', async () => {
		expect(await seedInitialAdmin(db, { email: 'chefin@stadt.de', password: 'lang-genug-1', municipality: 'Stadt' })).toBe(true);
		expect(await seedInitialAdmin(db, { email: 'zweite@stadt.de', password: 'lang-genug-1', municipality: 'Stadt' })).toBe(false);
		const user = await users.findUserByEmail(db, 'chefin@stadt.de');
		const [membership] = await municipalities.listMembershipsOf(db, user!.id);
		expect(membership).toMatchObject({ municipalityName: 'Stadt', role: 'coordinator' });
	});
});
