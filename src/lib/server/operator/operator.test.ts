import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startApp } from '../platform/app';
import { parseConfig } from '../platform/config';
import type { Db } from '../db';
import { createTestDb } from '../db/testing';
import * as catalogues from '../db/catalogues';
import * as municipalities from '../db/municipalities';
import * as users from '../db/users';
import { acceptWithNewAccount, findByToken, listPendingInvitations } from '../accounts/invitations';
import { createMunicipality, publishCatalogue, reinviteCoordinator, setMunicipalityActive } from './operator';
import { verifyPassword } from '../accounts/passwords';
import { DEMO_OPERATOR, seedOperator } from '../seed/seed';
import { createSession, validateSession } from '../accounts/sessions';
import { storeShippedCatalogues } from '../catalogues/shipped';
import { refusalOf, workshopSetup } from '../testing/outcomes';
import { findWorkshopByCode } from '../db/workshops';
import type { MunicipalityCreate } from '$lib/schemas/municipality';

const dirs: string[] = [];
function tempDatabase(): string {
	const dir = mkdtempSync(join(tmpdir(), 'selbstcheck-operator-'));
	dirs.push(dir);
	return join(dir, 'start.db');
}

describe('the first operator from the environment', () => {
	afterEach(() => {
		vi.restoreAllMocks();
		for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	});

	it('needs INITIAL_OPERATOR_EMAIL and INITIAL_OPERATOR_PASSWORD together, the password ≥ 10 characters', () => {
		expect(() => parseConfig({ INITIAL_OPERATOR_EMAIL: 'betrieb@land.de' })).toThrow(/INITIAL_OPERATOR_PASSWORD/);
		expect(() => parseConfig({ INITIAL_OPERATOR_EMAIL: 'betrieb@land.de', INITIAL_OPERATOR_PASSWORD: 'kurz' })).toThrow(/INITIAL_OPERATOR_PASSWORD/);
		expect(parseConfig({ INITIAL_OPERATOR_EMAIL: 'betrieb@land.de', INITIAL_OPERATOR_PASSWORD: 'lang-genug-1' }).INITIAL_OPERATOR_EMAIL).toBe('betrieb@land.de');
	});

	it('creates an operator on an empty database, member of no municipality, and ignores the settings later', async () => {
		vi.spyOn(console, 'log').mockImplementation(() => {});
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const path = tempDatabase();
		const env = { DATABASE_PATH: path, INITIAL_OPERATOR_EMAIL: 'Betrieb@Land.example', INITIAL_OPERATOR_PASSWORD: 'Betrieb-eigenes-2026' };
		let app = await startApp(env);
		const operator = await users.findUserByEmail(app.db, 'betrieb@land.example');
		expect(operator?.operator).toBe(1);
		expect(await verifyPassword('Betrieb-eigenes-2026', operator!.password_hash)).toBe(true);
		expect(await municipalities.listMembershipsOf(app.db, operator!.id)).toEqual([]);
		// An installation with only an operator is set up: no "no account yet" warning.
		expect(warn.mock.calls.flat().join(' ')).not.toContain('kein Konto');
		await app.db.destroy();

		app = await startApp({ ...env, INITIAL_OPERATOR_EMAIL: 'zweiter@land.example' });
		expect(await users.findUserByEmail(app.db, 'zweiter@land.example')).toBeUndefined();
		await app.db.destroy();
	});

	it('in demo mode seeds the demo operator and prints its credentials', async () => {
		const log = vi.spyOn(console, 'log').mockImplementation(() => {});
		const app = await startApp({ DATABASE_PATH: tempDatabase(), SEED_DEMO: '1' });
		try {
			const operator = await users.findUserByEmail(app.db, DEMO_OPERATOR.email);
			expect(operator?.operator).toBe(1);
			expect(await municipalities.listMembershipsOf(app.db, operator!.id)).toEqual([]);
			const printed = log.mock.calls.flat().join('\n');
			expect(printed).toContain(`${DEMO_OPERATOR.email} / ${DEMO_OPERATOR.password}`);
			expect(printed).toContain('koordination@musterstadt.example');
		} finally {
			await app.db.destroy();
		}
	}, 30_000);

	it('does not make an existing account an operator', async () => {
		const db = await createTestDb();
		await users.createUser(db, { email: 'person@stadt.de', name: 'Person', passwordHash: 'x' });
		expect(await seedOperator(db, { email: 'person@stadt.de', password: 'Betrieb-2026-x' })).toBe('emailTaken');
		expect((await users.findUserByEmail(db, 'person@stadt.de'))?.operator).toBe(0);
		await db.destroy();
	});
});

describe('operator actions', () => {
	let db: Db;
	let operatorId: number;
	const krefeld: MunicipalityCreate = {
		name: 'Stadt Krefeld',
		kind: 'kreisfreie_stadt',
		land: 'NW',
		populationBand: '100k_500k',
		ags: '05114000',
		coordinatorEmail: 'Integration@Krefeld.example'
	};

	beforeEach(async () => {
		db = await createTestDb();
		await storeShippedCatalogues(db);
		operatorId = (await users.createUser(db, { email: 'betrieb@land.de', name: 'Betrieb', passwordHash: 'x' })).id;
		await db.updateTable('user').set({ operator: 1 }).where('id', '=', operatorId).execute();
	});
	afterEach(async () => db.destroy());

	it('creates a municipality with its profile and an invitation of its coordinator; the operator gets no role', async () => {
		const created = await createMunicipality(db, krefeld, operatorId);
		const stored = await municipalities.findMunicipality(db, created.id);
		expect(stored).toMatchObject({ name: 'Stadt Krefeld', kind: 'kreisfreie_stadt', land: 'NW', population_band: '100k_500k', ags: '05114000', deactivated_at: null });
		expect(await municipalities.findRole(db, operatorId, created.id)).toBeUndefined();
		const [pending] = await listPendingInvitations(db, created.id);
		expect(pending).toMatchObject({ email: 'integration@krefeld.example', role: 'coordinator' });
		expect((await db.selectFrom('invitation').select('invited_by').executeTakeFirstOrThrow()).invited_by).toBe(operatorId);

		const accepted = await acceptWithNewAccount(db, created.invitation.token, { name: 'Koordination Krefeld', passwordHash: 'x' });
		expect(await municipalities.findRole(db, accepted.userId, created.id)).toBe('coordinator');
	});

	it('refuses a name that is taken in any case (409) and writes nothing', async () => {
		await createMunicipality(db, krefeld, operatorId);
		expect(await refusalOf(createMunicipality(db, { ...krefeld, name: 'stadt krefeld', coordinatorEmail: 'b@k.de' }, operatorId))).toBe('409 municipalityNameTaken');
		expect(await db.selectFrom('municipality').select('id').execute()).toHaveLength(1);
		expect(await db.selectFrom('invitation').select('id').execute()).toHaveLength(1);
	});

	it('deactivation locks the members out (no role, sessions ended unless they have another municipality), keeps the data, and is undone', async () => {
		const created = await createMunicipality(db, krefeld, operatorId);
		const { userId } = await acceptWithNewAccount(db, created.invitation.token, { name: 'Koordination', passwordHash: 'x' });
		const elsewhere = await municipalities.createMunicipality(db, 'Andere Stadt');
		const both = await users.createUser(db, { email: 'beide@test.de', name: 'Beide', passwordHash: 'x' });
		await users.addMembership(db, both.id, created.id, 'editor');
		await users.addMembership(db, both.id, elsewhere.id, 'editor');
		const alone = await createSession(db, userId, 1);
		const twoPlaces = await createSession(db, both.id, 1);
		const operatorSession = await createSession(db, operatorId, 1);

		expect(await setMunicipalityActive(db, created.id, false)).toBe(true);
		expect(await municipalities.findRole(db, userId, created.id)).toBeUndefined();
		expect(await municipalities.findRole(db, both.id, created.id)).toBeUndefined();
		expect(await municipalities.findRole(db, both.id, elsewhere.id)).toBe('editor');
		expect(await municipalities.listMembershipsOf(db, both.id)).toHaveLength(1);
		expect(await validateSession(db, alone.token)).toBeUndefined();
		expect(await validateSession(db, twoPlaces.token)).toBeDefined();
		expect((await validateSession(db, operatorSession.token))?.operator).toBe(true);
		expect(await municipalities.findMunicipality(db, created.id)).toBeDefined();
		expect(await db.selectFrom('membership').select('user_id').where('municipality_id', '=', created.id).execute()).toHaveLength(2);

		expect(await setMunicipalityActive(db, created.id, true)).toBe(true);
		expect(await municipalities.findRole(db, userId, created.id)).toBe('coordinator');
	});

	it('invites the first coordinator again only while nobody works in the municipality', async () => {
		const created = await createMunicipality(db, krefeld, operatorId);
		const again = await reinviteCoordinator(db, { municipalityId: created.id, email: 'richtig@krefeld.example' }, operatorId);
		expect(again.name).toBe('Stadt Krefeld');
		expect((await listPendingInvitations(db, created.id)).map((i) => i.email).sort()).toEqual(['integration@krefeld.example', 'richtig@krefeld.example']);
		await acceptWithNewAccount(db, again.invitation.token, { name: 'Koordination', passwordHash: 'x' });
		// Now someone works there: the operator cannot invite (say, themselves) any more.
		expect(await refusalOf(reinviteCoordinator(db, { municipalityId: created.id, email: 'betrieb@land.de' }, operatorId))).toBe('409 municipalityHasMembers');
		expect(await refusalOf(reinviteCoordinator(db, { municipalityId: 999_999, email: 'x@y.de' }, operatorId))).toBe('409 municipalityHasMembers');
	});

	it("a deactivated municipality's workshop codes answer like unknown ones", async () => {
		const { assessment, workshop } = await workshopSetup(db, [1]);
		expect(await findWorkshopByCode(db, workshop.code)).toMatchObject({ id: workshop.id });
		await setMunicipalityActive(db, assessment.municipality_id, false);
		expect(await findWorkshopByCode(db, workshop.code)).toBeUndefined();
		await setMunicipalityActive(db, assessment.municipality_id, true);
		expect(await findWorkshopByCode(db, workshop.code)).toMatchObject({ id: workshop.id });
	});

	it('an invitation link to a deactivated municipality no longer works', async () => {
		const created = await createMunicipality(db, krefeld, operatorId);
		await setMunicipalityActive(db, created.id, false);
		expect(await findByToken(db, created.invitation.token)).toBeUndefined();
		expect(await refusalOf(acceptWithNewAccount(db, created.invitation.token, { name: 'X', passwordHash: 'x' }))).toBe('404 invitationInvalid');
	});

	it('publishes a catalogue version to every municipality, checked like an import', async () => {
		const a = await municipalities.createMunicipality(db, 'Astadt');
		const b = await municipalities.createMunicipality(db, 'Bstadt');
		const [shipped] = await db.selectFrom('catalogue').selectAll().where('municipality_id', 'is', null).execute();
		const next = { ...catalogues.parseContent(shipped!), version: '2027.1' };

		const broken = await publishCatalogue(db, '{"id": "x"', operatorId);
		expect(broken).toMatchObject({ ok: false, status: 422 });
		const published = await publishCatalogue(db, JSON.stringify(next), operatorId);
		expect(published).toMatchObject({ ok: true, status: 'stored', version: '2027.1' });
		for (const town of [a, b]) expect((await catalogues.listCatalogues(db, town.id)).map((c) => c.version)).toContain('2027.1');
		expect(await publishCatalogue(db, JSON.stringify(next), operatorId)).toMatchObject({ ok: true, status: 'unchanged' });
		const changed = { ...next, title: { ...next.title, de: 'Anders' } };
		expect(await publishCatalogue(db, JSON.stringify(changed), operatorId)).toMatchObject({ ok: false, status: 409 });
		expect(await db.selectFrom('catalogue').select('id').where('version', '=', '2027.1').execute()).toHaveLength(1);
	});
});

describe('README', () => {
	it('documents the operator settings', () => {
		const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
		expect(readme).toContain('INITIAL_OPERATOR_EMAIL');
		expect(readme).toContain('Betrieb: viele Kommunen');
	});
});
