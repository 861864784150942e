import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureInputSchema } from '$lib/schemas/measures';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as catalogues from '../db/catalogues';
import * as municipalities from '../db/municipalities';
import * as store from '../db/measures';
import type { Assessment } from '../db/schema';
import { createTestDb } from '../db/testing';
import * as users from '../db/users';
import { addStatusNote, createMeasure, listMeasures, updateMeasure } from './measures';
import { Refusal } from '../http/refusal';
import { storeShippedCatalogues } from '../catalogues/shipped';
import { clockStartingAt, systemClock, useClock } from '../platform/clock';

let db: Db;
let assessment: Assessment;
let coordinator: number;

beforeEach(async () => {
	// The dates below (due 2027-03-31, a note of 2027-02-10) lie after the day the measure changes.
	useClock(clockStartingAt('2027-01-15T09:00:00.000Z'));
	db = await createTestDb();
	await storeShippedCatalogues(db);
	const m = await municipalities.createMunicipality(db, 'Planstadt');
	const user = await users.createUser(db, { email: 'k@planstadt.example', name: 'Kim Koordination', passwordHash: 'x' });
	await users.addMembership(db, user.id, m.id, 'coordinator');
	coordinator = user.id;
	const [catalogue] = await catalogues.listCatalogues(db, m.id);
	assessment = await assessments.createAssessment(db, { municipalityId: m.id, name: 'Check', catalogueId: catalogue!.id, createdBy: user.id });
});
afterEach(async () => {
	useClock(systemClock);
	await db.destroy();
});

const input = (values: Record<string, unknown>) => measureInputSchema.parse({ title: 'Leitbild Weltoffenheit', areas: [1], ...values });

describe('measures', () => {
	it('keeps every change with who, when and old → new, and dated status notes', async () => {
		expect.hasAssertions();
		const created = await createMeasure(db, assessment, coordinator, input({ owner: 'Integrationsbüro', dueOn: '2027-03-31', gapArea: 1 }));
		expect(created).toMatchObject({ title: 'Leitbild Weltoffenheit', areas: [1], status: 'planned', version: 1 });
		const changed = await updateMeasure(db, assessment, created.id, coordinator, { status: 'in_progress', owner: 'Dezernat II', note: 'Auftakt im Januar', version: 1 });
		expect(changed).toMatchObject({ status: 'in_progress', owner: 'Dezernat II', version: 2 });
		const rows = await store.history(db, created.id);
		expect(rows.map((r) => [r.field, r.old_value, r.new_value, r.actor])).toEqual([
			['created', null, 'Leitbild Weltoffenheit', 'Kim Koordination'],
			['owner', 'Integrationsbüro', 'Dezernat II', 'Kim Koordination'],
			['status', 'planned', 'in_progress', 'Kim Koordination']
		]);
		expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}T/.test(r.created_at))).toBe(true);
		await addStatusNote(db, assessment, created.id, coordinator, { status: 'done', note: 'Vom Rat beschlossen', notedOn: '2027-02-10' });
		const notes = await store.notes(db, [created.id]);
		expect(notes.map((n) => [n.status, n.note, n.noted_on.length])).toEqual([
			['done', 'Vom Rat beschlossen', 10],
			['in_progress', 'Auftakt im Januar', 10]
		]);
		expect((await store.history(db, created.id)).at(-1)).toMatchObject({ field: 'status', old_value: 'in_progress', new_value: 'done' });
	});

	it('refuses a save from an older version and writes nothing', async () => {
		expect.hasAssertions();
		const created = await createMeasure(db, assessment, coordinator, input({}));
		await updateMeasure(db, assessment, created.id, coordinator, { title: 'Neu', version: 1 });
		await expect(updateMeasure(db, assessment, created.id, coordinator, { title: 'Alt', version: 1 })).rejects.toMatchObject({ code: 'measureConflict', status: 409 });
		const [stored] = await listMeasures(db, assessment.id);
		expect(stored?.title).toBe('Neu');
		expect((await store.history(db, created.id)).length).toBe(2);
	});

	it('refuses questions outside the measure\'s areas, unknown proposals and a due date before the start', async () => {
		expect.hasAssertions();
		await expect(createMeasure(db, assessment, coordinator, input({ questions: ['7.01'] }))).rejects.toBeInstanceOf(Refusal);
		await expect(createMeasure(db, assessment, coordinator, input({ proposalIds: [999] }))).rejects.toMatchObject({ code: 'unknownProposal' });
		expect(measureInputSchema.safeParse({ title: 'X', areas: [1], startOn: '2027-05-01', dueOn: '2027-01-01' }).success).toBe(false);
		expect(measureInputSchema.safeParse({ title: 'X', areas: [1], budgetKind: 'amount' }).success).toBe(false);
		const created = await createMeasure(db, assessment, coordinator, input({ questions: ['1.01'] }));
		await expect(updateMeasure(db, assessment, created.id, coordinator, { areas: [2] })).rejects.toMatchObject({ code: 'unknownQuestion' });
		expect(await listMeasures(db, assessment.id)).toHaveLength(1);
		expect((await listMeasures(db, assessment.id))[0]?.areas).toEqual([1]);
	});
});
