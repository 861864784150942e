import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb } from './testing';
import type { Db } from './index';
import * as assessments from './assessments';
import * as catalogues from './catalogues';
import * as users from './users';
import * as operatorStore from './operator';
import { storeShippedCatalogues } from '../catalogues/shipped';
import { clockStartingAt, systemClock, useClock } from '../platform/clock';

/*
 * The operator's overview on a real database built by the migrations: the stage figures, and that it
 * carries no content — whatever people wrote inside a municipality never reaches the operator.
 */

const SECRET = 'GEHEIM-7f3a';

let db: Db;
beforeEach(async () => {
	// Municipalities and rounds are created before the activity dates the tests write (from 2026-11-20).
	useClock(clockStartingAt('2026-11-15T09:00:00.000Z'));
	db = await createTestDb();
	await storeShippedCatalogues(db);
});
afterEach(async () => {
	useClock(systemClock);
	await db.destroy();
});

async function municipalityWithRound(name: string, profile: Partial<operatorStore.NewMunicipality> = {}) {
	const m = await operatorStore.insertMunicipality(db, { name, kind: 'kreisfreie_stadt', land: 'NW', populationBand: '100k_500k', ags: null, ...profile });
	const coordinator = await users.createUser(db, { email: `k-${m.id}@test.de`, name: `${SECRET} Person ${m.id}`, passwordHash: 'x' });
	await users.addMembership(db, coordinator.id, m.id, 'coordinator');
	const [catalogue] = await catalogues.listCatalogues(db, m.id);
	const assessment = await assessments.createAssessment(db, {
		municipalityId: m.id,
		name: `${SECRET} Runde`,
		catalogueId: catalogue!.id,
		createdBy: coordinator.id
	});
	return { m, coordinator, assessment, questions: catalogue!.questionCount };
}

async function answer(assessmentId: number, userId: number, questionId: string, value: string | null, at = '2026-11-29T10:00:00.000Z') {
	await db
		.insertInto('answer')
		.values({ assessment_id: assessmentId, question_id: questionId, user_id: userId, value, comment: `${SECRET} Kommentar`, evidence: `${SECRET} Nachweis`, updated_at: at })
		.execute();
	await db
		.insertInto('answer_history')
		.values({ assessment_id: assessmentId, question_id: questionId, kind: 'answer', actor_id: userId, rater_id: userId, new_value: value, new_comment: SECRET, created_at: at })
		.execute();
}

async function workshop(assessmentId: number, values: { heldOn: string; status: 'open' | 'ended'; rehearsal?: number }) {
	return db
		.insertInto('workshop')
		.values({
			assessment_id: assessmentId,
			title: `${SECRET} Workshop`,
			held_on: values.heldOn,
			code: Math.random().toString(36).slice(2, 8).toUpperCase(),
			stakeholder_groups: JSON.stringify([`${SECRET} Gruppe`]),
			areas: '[1]',
			k: 5,
			status: values.status,
			rehearsal: values.rehearsal ?? 0,
			created_at: '2026-11-30T09:00:00.000Z',
			ended_at: values.status === 'ended' ? '2026-12-01T12:00:00.000Z' : null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
}

async function measure(assessmentId: number, updatedAt = '2026-12-05T08:00:00.000Z') {
	await db
		.insertInto('measure')
		.values({
			assessment_id: assessmentId,
			title: `${SECRET} Maßnahme`,
			description: SECRET,
			areas: '[1]',
			questions: '[]',
			gap_area: 1,
			owner: `${SECRET} Amt`,
			partners: SECRET,
			budget_kind: 'open',
			budget_amount: null,
			start_on: null,
			due_on: null,
			priority: 'high',
			status: 'planned',
			version: 1,
			created_by: null,
			created_at: updatedAt,
			updated_at: updatedAt
		})
		.execute();
}

describe('operator overview', () => {
	it('shows a municipality without a round as "noRound"', async () => {
		await operatorStore.insertMunicipality(db, { name: 'Leerstadt', kind: 'landkreis', land: 'BY', populationBand: 'under_20k', ags: '09162000' });
		const [entry] = await operatorStore.listOverview(db);
		expect(entry).toMatchObject({ name: 'Leerstadt', kind: 'landkreis', land: 'BY', populationBand: 'under_20k', ags: '09162000', stage: 'noRound', round: null, rounds: 0 });
	});

	it('counts questions answered by anyone or agreed, once each, and ignores comment-only answers', async () => {
		const { assessment, coordinator, questions } = await municipalityWithRound('Antwortstadt');
		const editor = await users.createUser(db, { email: 'e@test.de', name: 'E', passwordHash: 'x' });
		await answer(assessment.id, coordinator.id, '1.01', '3');
		await answer(assessment.id, editor.id, '1.01', '2'); // same question: counted once
		await answer(assessment.id, editor.id, '1.02', 'unknown');
		await answer(assessment.id, editor.id, '1.03', null); // a comment only
		await db
			.insertInto('agreed_answer')
			.values([
				{ assessment_id: assessment.id, question_id: '1.01', value: '3', reason: SECRET, automatic: 0, version: 1, set_by: coordinator.id, set_at: '2026-11-29T11:00:00.000Z' },
				{ assessment_id: assessment.id, question_id: '2.01', value: 'notApplicable', reason: SECRET, automatic: 0, version: 1, set_by: coordinator.id, set_at: '2026-11-29T11:00:00.000Z' }
			])
			.execute();
		const [entry] = await operatorStore.listOverview(db);
		expect(entry!.stage).toBe('questionnaire');
		expect(entry!.round).toMatchObject({ questions, answered: 3, closedAt: null, measures: 0, workshopHeldOn: null });
		expect(entry!.lastActivity).toBe('2026-11-29T10:00:00.000Z');
	});

	it('moves through the stages: closed, workshop held (rehearsals do not count), measures', async () => {
		const { assessment } = await municipalityWithRound('Stufenstadt');
		await db.updateTable('assessment').set({ status: 'closed', closed_at: '2026-11-30T08:00:00.000Z' }).where('id', '=', assessment.id).execute();
		expect((await operatorStore.listOverview(db))[0]!.stage).toBe('questionnaireClosed');

		await workshop(assessment.id, { heldOn: '2026-11-20', status: 'ended', rehearsal: 1 });
		await workshop(assessment.id, { heldOn: '2026-12-03', status: 'open' });
		let [entry] = await operatorStore.listOverview(db);
		expect(entry!.stage).toBe('questionnaireClosed');
		expect(entry!.round!.workshopPlannedOn).toBe('2026-12-03');

		await db.updateTable('workshop').set({ status: 'ended', ended_at: '2026-12-03T15:00:00.000Z' }).where('held_on', '=', '2026-12-03').execute();
		[entry] = await operatorStore.listOverview(db);
		expect(entry!.stage).toBe('workshopHeld');
		expect(entry!.round).toMatchObject({ workshopHeldOn: '2026-12-03', workshopPlannedOn: null, closedAt: '2026-11-30T08:00:00.000Z' });

		await measure(assessment.id);
		[entry] = await operatorStore.listOverview(db);
		expect(entry!.stage).toBe('measures');
		expect(entry!.round!.measures).toBe(1);
		expect(entry!.lastActivity).toBe('2026-12-05T08:00:00.000Z');
	});

	it('reports the newest round and how many there were', async () => {
		const { m, coordinator, assessment } = await municipalityWithRound('Rundenstadt');
		await measure(assessment.id);
		const [catalogue] = await catalogues.listCatalogues(db, m.id);
		await assessments.createAssessment(db, { municipalityId: m.id, name: 'Zweite', catalogueId: catalogue!.id, createdBy: coordinator.id });
		const [entry] = await operatorStore.listOverview(db);
		expect(entry).toMatchObject({ rounds: 2, stage: 'questionnaire' });
		expect(entry!.round!.measures).toBe(0);
	});

	it('returns no content: only the listed fields, and none of the texts written inside a municipality', async () => {
		const { assessment, coordinator } = await municipalityWithRound('Inhaltsstadt');
		await answer(assessment.id, coordinator.id, '1.01', '3');
		const w = await workshop(assessment.id, { heldOn: '2026-12-03', status: 'ended' });
		const ballot = await db.insertInto('ballot').values({ workshop_id: w.id, token_hash: 'h', stakeholder_group: `${SECRET} Gruppe`, created_at: '2026-12-03T10:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
		await db.insertInto('rating').values({ ballot_id: ballot.id, workshop_id: w.id, area: 1, level: 4, updated_at: '2026-12-03T10:00:00.000Z' }).execute();
		await db.insertInto('proposal').values({ workshop_id: w.id, area: 1, ballot_id: ballot.id, what: SECRET, who: SECRET, first_step: SECRET, created_at: '2026-12-03T11:00:00.000Z' }).execute();
		await measure(assessment.id);

		const entries = await operatorStore.listOverview(db);
		expect(JSON.stringify(entries)).not.toContain(SECRET);
		expect(JSON.stringify(entries)).not.toContain('@test.de');
		for (const entry of entries) {
			expect(Object.keys(entry).sort()).toEqual(
				['ags', 'createdAt', 'deactivatedAt', 'id', 'kind', 'land', 'lastActivity', 'name', 'populationBand', 'round', 'rounds', 'stage'].sort()
			);
			expect(Object.keys(entry.round!).sort()).toEqual(
				['answered', 'closedAt', 'measures', 'questions', 'startedAt', 'workshopHeldOn', 'workshopPlannedOn'].sort()
			);
			for (const value of Object.values(entry.round!)) expect(['string', 'number', 'object']).toContain(typeof value);
		}
	});

	it('answers for 400 municipalities in one query, fast', async () => {
		const [shipped] = await db.selectFrom('catalogue').select(['id']).where('municipality_id', 'is', null).execute();
		const at = '2026-11-29T10:00:00.000Z';
		await db.transaction().execute(async (trx) => {
			const user = await users.createUser(trx, { email: 'viele@test.de', name: 'Viele', passwordHash: 'x' });
			for (let i = 0; i < 400; i++) {
				const m = await trx.insertInto('municipality').values({ name: `Kommune ${i}`, created_at: at, land: 'NW', kind: 'kreisangehoerige_gemeinde', population_band: '20k_50k' }).returning('id').executeTakeFirstOrThrow();
				for (const round of [1, 2]) {
					const a = await trx.insertInto('assessment').values({ municipality_id: m.id, name: `R${round}`, catalogue_id: shipped!.id, created_at: at }).returning('id').executeTakeFirstOrThrow();
					const rows = Array.from({ length: 60 }, (_, q) => ({ assessment_id: a.id, question_id: `q${q}`, user_id: user.id, value: '2', comment: '', evidence: '', updated_at: at }));
					await trx.insertInto('answer').values(rows).execute();
					await trx.insertInto('agreed_answer').values(rows.slice(0, 30).map((r) => ({ assessment_id: r.assessment_id, question_id: r.question_id, value: '2', reason: '', automatic: 1, version: 1, set_by: null, set_at: at }))).execute();
				}
			}
		});
		const times: number[] = [];
		let entries: Awaited<ReturnType<typeof operatorStore.listOverview>> = [];
		for (let run = 0; run < 20; run++) {
			const start = performance.now();
			entries = await operatorStore.listOverview(db);
			times.push(performance.now() - start);
		}
		times.sort((a, b) => a - b);
		const p95 = times[Math.ceil(times.length * 0.95) - 1]!;
		console.log(`operator overview, 400 municipalities × 2 rounds × 60 answers: median ${times[10]!.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
		expect(entries).toHaveLength(400);
		expect(entries.every((e) => e.rounds === 2 && e.round!.answered === 60)).toBe(true);
		// The benchmark (npm run bench:comparison) holds the 200 ms promise; here a margin for a busy machine.
		expect(p95).toBeLessThan(400);
	}, 60_000);
});

describe('deactivation in the store', () => {
	it('sets and clears the mark once, and tells who would be locked out', async () => {
		const a = await municipalityWithRound('Eins');
		const b = await municipalityWithRound('Zwei');
		const both = await users.createUser(db, { email: 'beide@test.de', name: 'Beide', passwordHash: 'x' });
		await users.addMembership(db, both.id, a.m.id, 'editor');
		await users.addMembership(db, both.id, b.m.id, 'editor');

		expect(await operatorStore.setDeactivated(db, a.m.id, true)).toBe(true);
		expect(await operatorStore.setDeactivated(db, a.m.id, true)).toBe(false);
		expect(await operatorStore.membersLockedOutBy(db, a.m.id)).toEqual([a.coordinator.id]);
		expect(await operatorStore.onlyDeactivatedMemberships(db, a.coordinator.id)).toBe(true);
		expect(await operatorStore.onlyDeactivatedMemberships(db, both.id)).toBe(false);
		expect(await operatorStore.setDeactivated(db, a.m.id, false)).toBe(true);
		expect(await operatorStore.onlyDeactivatedMemberships(db, a.coordinator.id)).toBe(false);
	});

	it('finds a taken name in any case', async () => {
		await operatorStore.insertMunicipality(db, { name: 'Stadt Krefeld', kind: 'kreisfreie_stadt', land: 'NW', populationBand: '100k_500k', ags: null });
		expect(await operatorStore.findMunicipalityNamed(db, 'stadt KREFELD')).toBeDefined();
		expect(await operatorStore.findMunicipalityNamed(db, 'Stadt Kleve')).toBeUndefined();
	});
});
