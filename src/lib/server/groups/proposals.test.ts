import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import * as groupStore from '../db/group-phase';
import type { WorkshopRow } from '../db/schema';
import { createTestDb } from '../db/testing';
import { chooseGroup, propose, PROPOSALS_PER_DEVICE, setProposalHidden, startGroupPhase, supportProposal } from './proposals';
import { seedDemo } from '../seed/seed';
import { storeShippedCatalogues } from '../catalogues/shipped';
import { createWorkshop, join } from '../workshops/workshops';

let db: Db;
let workshop: WorkshopRow;
let userId: number;
beforeEach(async () => {
	db = await createTestDb();
	await storeShippedCatalogues(db);
	await seedDemo(db);
	const assessment = await db.selectFrom('assessment').selectAll().orderBy('id').executeTakeFirstOrThrow();
	userId = (await db.selectFrom('user').select('id').where('email', '=', 'moderation@musterstadt.example').executeTakeFirstOrThrow()).id;
	workshop = await createWorkshop(db, assessment, userId, { title: 'Gruppen', heldOn: '2026-12-01', areas: [1, 7], groups: ['Politik'], k: 5 });
}, 60_000);
afterEach(async () => {
	await db.destroy();
});

describe('the group phase', () => {
	it('refuses proposals before the start and from devices without a group', async () => {
		expect.hasAssertions();
		const token = await join(db, workshop, undefined, null);
		await expect(chooseGroup(db, workshop, token, 1)).rejects.toMatchObject({ code: 'groupPhaseClosed' });
		await startGroupPhase(db, workshop.id, userId, false);
		await expect(propose(db, workshop, token, { what: 'x', who: '', firstStep: '' })).rejects.toMatchObject({ code: 'notInGroup' });
		await expect(chooseGroup(db, workshop, token, 3)).rejects.toMatchObject({ code: 'unknownArea' });
	});

	it('counts one support per device, limits proposals per device and keeps hidden ones with who hid them', async () => {
		expect.hasAssertions();
		await startGroupPhase(db, workshop.id, userId, false);
		const [a, b] = [await join(db, workshop, undefined, null), await join(db, workshop, undefined, null)];
		await chooseGroup(db, workshop, a, 1);
		await chooseGroup(db, workshop, b, 1);
		const id = await propose(db, workshop, a, { what: 'Leitbild veröffentlichen', who: '', firstStep: '' });
		await supportProposal(db, workshop, b, id);
		await supportProposal(db, workshop, b, id);
		expect((await groupStore.listProposals(db, workshop.id, { area: 1 }))[0]).toMatchObject({ id, support: 1 });
		const stored = await groupStore.findProposal(db, workshop.id, id);
		expect(stored!.created_at).toMatch(/:00\.000Z$/);
		for (let i = 1; i < PROPOSALS_PER_DEVICE; i++) await propose(db, workshop, a, { what: `Idee ${i}`, who: '', firstStep: '' });
		await expect(propose(db, workshop, a, { what: 'eine zu viel', who: '', firstStep: '' })).rejects.toMatchObject({ code: 'tooManyProposals', status: 429 });
		await setProposalHidden(db, workshop.id, id, userId, true);
		expect((await groupStore.listProposals(db, workshop.id, { area: 1 })).some((p) => p.id === id)).toBe(false);
		expect((await groupStore.listProposals(db, workshop.id, { area: 1, withHidden: true })).find((p) => p.id === id)).toMatchObject({ hidden: true, hiddenBy: 'Samuel Okafor (Moderation)' });
		await expect(supportProposal(db, workshop, b, id)).rejects.toMatchObject({ code: 'unknownProposalHere' });
	});
});
