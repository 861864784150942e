import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import * as municipalities from '../db/municipalities';
import { createTestDb } from '../db/testing';
import { refusalOf as refusal } from '../testing/outcomes';
import * as users from '../db/users';
import {
	acceptAsUser,
	acceptWithNewAccount,
	createInvitation,
	declineAsUser,
	findByToken,
	hashInvitationToken,
	listInvitationsFor,
	listPendingInvitations,
	revokeInvitation
} from './invitations';

let db: Db;
let townA: number;
let townB: number;
let coordinatorB: number;
let alice: { id: number; email: string };

beforeEach(async () => {
	db = await createTestDb();
	townA = (await municipalities.createMunicipality(db, 'Astadt')).id;
	townB = (await municipalities.createMunicipality(db, 'Bstadt')).id;
	const a = await users.createUser(db, { email: 'alice@astadt.de', name: 'Alice Geheim', passwordHash: 'x' });
	await users.addMembership(db, a.id, townA, 'editor');
	alice = { id: a.id, email: a.email };
	const b = await users.createUser(db, { email: 'koord@bstadt.de', name: 'Koordination B', passwordHash: 'x' });
	await users.addMembership(db, b.id, townB, 'coordinator');
	coordinatorB = b.id;
});
afterEach(async () => {
	await db.destroy();
});


describe('inviting staff', () => {
	it('answers the same whether the address has an account or not, and names no one', async () => {
		const existing = await createInvitation(db, { municipalityId: townB, email: ' Alice@Astadt.de ', role: 'editor', invitedBy: coordinatorB });
		const unknown = await createInvitation(db, { municipalityId: townB, email: 'neu@bstadt.de', role: 'editor', invitedBy: coordinatorB });
		const shape = (r: object) => Object.keys(r).sort();
		expect(shape(existing)).toEqual(shape(unknown));
		expect(JSON.stringify(existing)).not.toContain('Geheim');
		expect(existing.email).toBe('alice@astadt.de');
		// Nobody was added to B: the existing person must accept first.
		expect((await users.listStaff(db, townB)).map((s) => s.email)).toEqual(['koord@bstadt.de']);
		expect(await municipalities.listMembershipsOf(db, alice.id)).toHaveLength(1);
		// The staff list of B shows both invitations by e-mail only.
		const pending = await listPendingInvitations(db, townB);
		expect(pending.map((p) => p.email)).toEqual(['alice@astadt.de', 'neu@bstadt.de']);
		expect(JSON.stringify(pending)).not.toContain('Geheim');
	});

	it('stores only the SHA-256 of the token and is valid for 7 days', async () => {
		const at = new Date('2026-11-29T10:00:00.000Z');
		const created = await createInvitation(db, { municipalityId: townB, email: 'neu@bstadt.de', role: 'facilitator', invitedBy: coordinatorB }, () => at);
		const row = await db.selectFrom('invitation').selectAll().executeTakeFirstOrThrow();
		expect(row.token_hash).toBe(hashInvitationToken(created.token));
		expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(row)).not.toContain(created.token);
		expect(row.expires_at).toBe('2026-12-06T10:00:00.000Z');
		expect(await findByToken(db, created.token, '2026-12-06T09:59:59.000Z')).toBeDefined();
		expect(await findByToken(db, created.token, '2026-12-06T10:00:00.000Z')).toBeUndefined();
		expect(await refusal(acceptWithNewAccount(db, created.token, { name: 'Zu Spät', passwordHash: 'h' }, '2026-12-07T00:00:00.000Z'))).toBe(
			'404 invitationInvalid'
		);
		expect(await users.findUserByEmail(db, 'neu@bstadt.de')).toBeUndefined();
	});

	it('lets a new person create the account once through the link', async () => {
		const created = await createInvitation(db, { municipalityId: townB, email: 'neu@bstadt.de', role: 'facilitator', invitedBy: coordinatorB });
		const result = await acceptWithNewAccount(db, created.token, { name: 'Nina Neu', passwordHash: 'h' });
		expect(await municipalities.findRole(db, result.userId, townB)).toBe('facilitator');
		expect(result.municipalityId).toBe(townB);
		// Single use: the same link never works again.
		expect(await findByToken(db, created.token)).toBeUndefined();
		expect(await refusal(acceptWithNewAccount(db, created.token, { name: 'Noch mal', passwordHash: 'h' }))).toBe('404 invitationInvalid');
		expect(await listPendingInvitations(db, townB)).toEqual([]);
	});

	it('does not let a link holder take over an existing account', async () => {
		const created = await createInvitation(db, { municipalityId: townB, email: 'alice@astadt.de', role: 'coordinator', invitedBy: coordinatorB });
		expect(await refusal(acceptWithNewAccount(db, created.token, { name: 'Angreifer', passwordHash: 'evil' }))).toBe('409 invitationNeedsLogin');
		const stored = await users.findUserByEmail(db, 'alice@astadt.de');
		expect(stored?.password_hash).toBe('x');
		expect(stored?.name).toBe('Alice Geheim');
		expect(await municipalities.findRole(db, alice.id, townB)).toBeUndefined();
		// Still open for Alice herself.
		expect(await listInvitationsFor(db, alice.email)).toHaveLength(1);
	});

	it('lets an existing account accept after login, only its own invitation and only once', async () => {
		await createInvitation(db, { municipalityId: townB, email: 'alice@astadt.de', role: 'editor', invitedBy: coordinatorB });
		const [invitation] = await listInvitationsFor(db, 'ALICE@astadt.de');
		expect(invitation).toMatchObject({ municipalityName: 'Bstadt', role: 'editor' });
		expect(await refusal(acceptAsUser(db, { id: coordinatorB, email: 'koord@bstadt.de' }, invitation!.id))).toBe('404 invitationInvalid');
		expect(await acceptAsUser(db, alice, invitation!.id)).toBe(townB);
		expect(await municipalities.findRole(db, alice.id, townB)).toBe('editor');
		expect(await refusal(acceptAsUser(db, alice, invitation!.id))).toBe('404 invitationInvalid');
		expect(await listInvitationsFor(db, alice.email)).toEqual([]);
	});

	it('lets the person decline, and the coordinator withdraw', async () => {
		await createInvitation(db, { municipalityId: townB, email: 'alice@astadt.de', role: 'editor', invitedBy: coordinatorB });
		const [invitation] = await listInvitationsFor(db, alice.email);
		await declineAsUser(db, alice, invitation!.id);
		expect(await municipalities.findRole(db, alice.id, townB)).toBeUndefined();
		expect(await listPendingInvitations(db, townB)).toEqual([]);

		const second = await createInvitation(db, { municipalityId: townB, email: 'neu@bstadt.de', role: 'editor', invitedBy: coordinatorB });
		const [pending] = await listPendingInvitations(db, townB);
		expect(await revokeInvitation(db, townA, pending!.id)).toBe(false);
		expect(await revokeInvitation(db, townB, pending!.id)).toBe(true);
		expect(await findByToken(db, second.token)).toBeUndefined();
	});

	it('refuses to invite a member of the same municipality, and a new invitation replaces the old link', async () => {
		expect(await refusal(createInvitation(db, { municipalityId: townB, email: 'koord@bstadt.de', role: 'editor', invitedBy: coordinatorB }))).toBe(
			'400 alreadyMember'
		);
		const first = await createInvitation(db, { municipalityId: townB, email: 'neu@bstadt.de', role: 'editor', invitedBy: coordinatorB });
		const second = await createInvitation(db, { municipalityId: townB, email: 'neu@bstadt.de', role: 'facilitator', invitedBy: coordinatorB });
		expect(await findByToken(db, first.token)).toBeUndefined();
		expect((await findByToken(db, second.token))?.role).toBe('facilitator');
	});
});
