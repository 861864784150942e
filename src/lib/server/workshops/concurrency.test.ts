import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import * as municipalities from '../db/municipalities';
import * as questionnaireStore from '../db/questionnaire';
import { createTestDb } from '../db/testing';
import * as users from '../db/users';
import * as workshopStore from '../db/workshops';
import { ratingStatements } from '../db/ratings';
import { acceptWithNewAccount, createInvitation } from '../accounts/invitations';
import { chooseGroup, propose, PROPOSALS_PER_DEVICE, startGroupPhase } from '../groups/proposals';
import { saveAnswers, setAgreedAnswer, setAssignments } from '../questionnaire/questionnaire';
import { refusalOf, workshopSetup } from '../testing/outcomes';
import { createWorkshop, endWorkshop, join, rate, setAreas } from './workshops';

/*
 * Requests that race each other. On SQLite the app's one connection runs one transaction at a
 * time; on PostgreSQL (TEST_DATABASE_URL) the test database has a pool of 10 connections, so these
 * promises really run side by side under READ COMMITTED — which is what they are for.
 */

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});
afterEach(async () => {
	await db.destroy();
});

const settled = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
const countRatings = async (workshopId: number, area: number) =>
	Number(
		(
			await db
				.selectFrom('rating')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('workshop_id', '=', workshopId)
				.where('area', '=', area)
				.executeTakeFirstOrThrow()
		).n
	);

describe('ratings racing a close', () => {
	it('store nothing in an area after its close committed; every acknowledged rating is stored, no refused one', async () => {
		const { workshop } = await workshopSetup(db, [1, 2]);
		await setAreas(db, workshop.id, [1, 2], true);
		const tokens: string[] = [];
		for (let i = 0; i < 40; i++) tokens.push(await join(db, workshop, undefined, null));

		let storedAtClose = -1;
		let acknowledged = 0;
		const ratings = tokens.map((token, i) =>
			rate(db, workshop.id, token, 1, ((i % 4) + 1) as 1 | 2 | 3 | 4).then(() => {
				acknowledged += 1;
			})
		);
		// Close once a few ratings are through, while the rest are in flight; the close counts what is
		// stored at the moment it commits, in its own transaction.
		const close = (async () => {
			while (acknowledged < 5) await new Promise((resolve) => setTimeout(resolve, 1));
			await db.transaction().execute(async (trx) => {
				await workshopStore.setAreasOpen(trx, workshop.id, [1], false);
				storedAtClose = Number(
					(await trx.selectFrom('rating').select((eb) => eb.fn.countAll<number>().as('n')).where('area', '=', 1).executeTakeFirstOrThrow()).n
				);
			});
		})();
		const outcomes = await settled([...ratings, close]);
		const refused = outcomes.filter((o) => o.status === 'rejected');
		for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'areaClosed' });

		const stored = await countRatings(workshop.id, 1);
		expect(stored).toBe(acknowledged);
		expect(stored).toBe(storedAtClose);
		expect(acknowledged + refused.length).toBe(40);
		// And after the close nothing gets in.
		expect(await refusalOf(rate(db, workshop.id, tokens[0], 1, 2))).toBe('409 areaClosed');
	});

	it('make a close wait for a rating whose transaction has not committed yet', async () => {
		const { workshop } = await workshopSetup(db, [1]);
		await setAreas(db, workshop.id, [1], true);
		const token = await join(db, workshop, undefined, null);
		const tokenHash = (await db.selectFrom('ballot').select('token_hash').executeTakeFirstOrThrow()).token_hash!;
		let closed = false;
		let storedAtClose = -1;
		let closing: Promise<void> | undefined;
		await db.transaction().execute(async (trx) => {
			expect(await ratingStatements(db).store(trx, { workshopId: workshop.id, tokenHash, area: 1, level: 2 })).toEqual({ stored: true, counted: true });
			// The rating is written but not committed; a close on another connection must wait for it.
			closing = db.transaction().execute(async (other) => {
				await workshopStore.setAreasOpen(other, workshop.id, [1], false);
				storedAtClose = await other.selectFrom('rating').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
				closed = true;
			});
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect(closed).toBe(false);
		});
		await closing;
		expect(storedAtClose).toBe(1);
		expect(await refusalOf(rate(db, workshop.id, token, 1, 3))).toBe('409 areaClosed');
	});

	it('store nothing after the workshop ended, also when ending races the ratings', async () => {
		const { workshop } = await workshopSetup(db, [1]);
		await setAreas(db, workshop.id, [1], true);
		const tokens: string[] = [];
		for (let i = 0; i < 30; i++) tokens.push(await join(db, workshop, undefined, null));
		let acknowledged = 0;
		const ratings = tokens.map((token) => rate(db, workshop.id, token, 1, 3).then(() => void (acknowledged += 1)));
		const ending = (async () => {
			while (acknowledged < 3) await new Promise((resolve) => setTimeout(resolve, 1));
			await endWorkshop(db, workshop.id);
			return countRatings(workshop.id, 1);
		})();
		const outcomes = await settled([...ratings, ending]);
		for (const o of outcomes.slice(0, -1)) {
			if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'workshopEnded' });
		}
		const stored = await countRatings(workshop.id, 1);
		expect(stored).toBe(acknowledged);
		expect(outcomes.at(-1)).toEqual({ status: 'fulfilled', value: stored });
		expect(await refusalOf(rate(db, workshop.id, tokens[0], 1, 1))).toBe('409 workshopEnded');
		expect(await refusalOf(join(db, workshop, undefined, null))).toBe('409 workshopEnded');
	});
});

describe('join codes', () => {
	it('stay unique when workshops are created at once and all draw the same first code', async () => {
		const { assessment, facilitator } = await workshopSetup(db, [1]);
		// Every creation draws "AAAAAA" first (taken by whichever commits first), then its own characters.
		const drawing = (seed: number) => {
			let calls = 0;
			return (n: number) => (calls++ < 6 ? 0 : (seed * 7 + calls) % n);
		};
		const created = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				createWorkshop(db, assessment, facilitator, { title: `W${i}`, heldOn: '2026-12-03', areas: [1], groups: ['Politik'], k: 5 }, drawing(i + 1))
			)
		);
		const codes = created.map((w) => w.code);
		expect(new Set(codes).size).toBe(6);
		expect(codes.filter((code) => /^(.)\1{5}$/.test(code))).toHaveLength(1);
	});
});

describe('the questionnaire under parallel saves', () => {
	async function setup() {
		await workshopSetup(db, [1]);
		const assessment = await db.selectFrom('assessment').selectAll().orderBy('id').executeTakeFirstOrThrow();
		const person = async (email: string, role: 'coordinator' | 'editor') => {
			const user = await users.createUser(db, { email, name: email, passwordHash: 'x' });
			await users.addMembership(db, user.id, assessment.municipality_id, role);
			return user.id;
		};
		const coordinator = await person('koord@test.de', 'coordinator');
		const editors = [await person('a@test.de', 'editor'), await person('b@test.de', 'editor'), await person('c@test.de', 'editor')];
		await setAssignments(db, assessment, editors.map((userId) => ({ area: 1, userId })));
		return { assessment, coordinator, editors };
	}

	it('lets exactly one of two coordinators who saw the same version set the agreed answer', async () => {
		const { assessment, coordinator } = await setup();
		const other = await users.createUser(db, { email: 'koord2@test.de', name: 'K2', passwordHash: 'x' });
		await users.addMembership(db, other.id, assessment.municipality_id, 'coordinator');
		const results = await Promise.all(
			[coordinator, other.id, coordinator, other.id].map((actor, i) =>
				setAgreedAnswer(db, assessment, actor, { questionId: '1.02', value: String(i % 4), reason: 'abgestimmt', expectedVersion: 0 })
			)
		);
		expect(results.filter((r) => r.status === 'saved')).toHaveLength(1);
		expect(results.filter((r) => r.status === 'conflict')).toHaveLength(3);
		const agreed = await questionnaireStore.findAgreed(db, assessment.id, '1.02');
		expect(agreed?.version).toBe(1);
		const history = (await questionnaireStore.listHistory(db, assessment.id, '1.02')).filter((h) => h.kind === 'agreed');
		expect(history).toHaveLength(1);
	});

	it('gives no automatic agreement when raters who differ save at the same moment', async () => {
		const { assessment, editors } = await setup();
		await Promise.all(
			editors.map((userId, i) => saveAnswers(db, assessment, { userId, role: 'editor' }, [{ questionId: '1.03', value: String(i + 1), comment: '', evidence: '' }]))
		);
		expect(await questionnaireStore.findAgreed(db, assessment.id, '1.03')).toBeUndefined();
		// The same value from all three at once: agreed automatically, once.
		await Promise.all(
			editors.map((userId) => saveAnswers(db, assessment, { userId, role: 'editor' }, [{ questionId: '1.04', value: '2', comment: '', evidence: '' }]))
		);
		expect(await questionnaireStore.findAgreed(db, assessment.id, '1.04')).toMatchObject({ value: '2', automatic: 1 });
	});
});

describe('invitation links', () => {
	it('create one account when the same link is used five times at once', async () => {
		const town = await municipalities.createMunicipality(db, 'Cstadt');
		const coordinator = await users.createUser(db, { email: 'koord@cstadt.de', name: 'K', passwordHash: 'x' });
		const invitation = await createInvitation(db, { municipalityId: town.id, email: 'neu@cstadt.de', role: 'editor', invitedBy: coordinator.id });
		const outcomes = await Promise.all(
			Array.from({ length: 5 }, (_, i) => refusalOf(acceptWithNewAccount(db, invitation.token, { name: `Neu ${i}`, passwordHash: 'x' })))
		);
		expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(1);
		expect(outcomes.filter((o) => o === '404 invitationInvalid')).toHaveLength(4);
		expect(await db.selectFrom('user').select('id').where('email', '=', 'neu@cstadt.de').execute()).toHaveLength(1);
	});

	it('leave one pending link when the same address is invited twice at once', async () => {
		const town = await municipalities.createMunicipality(db, 'Dstadt');
		const coordinator = await users.createUser(db, { email: 'koord@dstadt.de', name: 'K', passwordHash: 'x' });
		await Promise.all(
			[1, 2, 3].map(() => createInvitation(db, { municipalityId: town.id, email: 'neu@dstadt.de', role: 'editor', invitedBy: coordinator.id }))
		);
		const pending = await db.selectFrom('invitation').select('id').where('email', '=', 'neu@dstadt.de').where('status', '=', 'pending').execute();
		expect(pending).toHaveLength(1);
	});
});

describe('the per-device proposal limit', () => {
	it('holds when one device sends many proposals at once', async () => {
		const { workshop, facilitator } = await workshopSetup(db, [1]);
		await startGroupPhase(db, workshop.id, facilitator, false);
		const token = await join(db, workshop, undefined, null);
		await chooseGroup(db, workshop, token, 1);
		const outcomes = await Promise.all(
			Array.from({ length: PROPOSALS_PER_DEVICE + 6 }, (_, i) => refusalOf(propose(db, workshop, token, { what: `Vorschlag ${i}`, who: '', firstStep: '' })))
		);
		expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(PROPOSALS_PER_DEVICE);
		expect(outcomes.filter((o) => o === '429 tooManyProposals')).toHaveLength(6);
		const stored = await sql<{ n: number }>`select count(*) as n from proposal`.execute(db);
		expect(Number(stored.rows[0]!.n)).toBe(PROPOSALS_PER_DEVICE);
	});
});
