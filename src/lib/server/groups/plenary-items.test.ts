import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import * as groupStore from '../db/group-phase';
import * as questionnaire from '../db/questionnaire';
import type { Assessment, WorkshopRow } from '../db/schema';
import { createTestDb } from '../db/testing';
import * as users from '../db/users';
import { plenaryItems } from './plenary-items';
import { chooseGroup, flagQuestion, startGroupPhase } from './proposals';
import { workshopSetup } from '../testing/outcomes';
import { join } from '../workshops/workshops';

let db: Db;
let workshop: WorkshopRow;
let assessment: Assessment;
let facilitator: number;
beforeEach(async () => {
	db = await createTestDb();
	({ workshop, assessment, facilitator } = await workshopSetup(db, [1, 7]));
});
afterEach(async () => {
	await db.destroy();
});

async function answer(userId: number, questionId: string, value: string | null) {
	await questionnaire.upsertAnswer(db, { assessment_id: assessment.id, question_id: questionId, user_id: userId, value, comment: '', evidence: '' });
}

describe('the item-level view for the plenary', () => {
	it('lists the questions the editors disagreed on most, with the agreed answer in the presenter language', async () => {
		expect.hasAssertions();
		const editors = await Promise.all(['a', 'b', 'c'].map((n) => users.createUser(db, { email: `${n}@test.de`, name: n, passwordHash: 'x' })));
		const [a, b, c] = editors.map((e) => e.id) as [number, number, number];
		await answer(a, '1.01', '3');
		await answer(b, '1.01', '3');
		await answer(a, '1.02', '3');
		await answer(b, '1.02', '0');
		await answer(a, '1.03', '2');
		await answer(b, '1.03', '1');
		await answer(c, '1.03', 'unknown');
		await answer(a, '7.01', '1');
		await answer(b, '7.01', null);
		await questionnaire.putAgreed(db, { assessmentId: assessment.id, questionId: '1.02', value: '2', reason: 'Teilweise', automatic: false, setBy: null }, undefined);
		const items = await plenaryItems(db, workshop, 'en');
		const [one, seven] = items.areas;
		expect(one!.disagreements.map((d) => [d.id, d.pointSpread, d.distinct])).toEqual([['1.02', 3, 2], ['1.03', 1, 3]]);
		expect(one!.disagreements[0]).toMatchObject({ agreed: 'partly implemented', answered: 2 });
		expect(one!.disagreements[0]!.text).toMatch(/^[A-Z][a-z]/);
		expect(one!.disagreements[1]!.agreed).toBeNull();
		expect(seven!.disagreements).toEqual([]);
		// No group phase yet: no list of marks at all.
		expect(one!.flags).toBeNull();
	});

	it(`counts "sehe ich anders" per question in devices, shows a count only from 3 devices and never a reason`, async () => {
		expect.hasAssertions();
		await startGroupPhase(db, workshop.id, facilitator, false);
		const devices = await Promise.all(Array.from({ length: 4 }, () => join(db, workshop, undefined, null)));
		for (const token of devices) await chooseGroup(db, workshop, token, 1);
		for (const token of devices) await flagQuestion(db, workshop, token, { questionId: '1.04', reason: 'Geheimer Grund', remove: false });
		for (const token of devices.slice(0, 3)) await flagQuestion(db, workshop, token, { questionId: '1.01', reason: '', remove: false });
		for (const token of devices.slice(0, 2)) await flagQuestion(db, workshop, token, { questionId: '1.02', reason: '', remove: false });
		expect(await groupStore.flagTally(db, workshop.id)).toEqual(
			expect.arrayContaining([{ area: 1, questionId: '1.04', devices: 4 }, { area: 1, questionId: '1.01', devices: 3 }, { area: 1, questionId: '1.02', devices: 2 }])
		);
		const items = await plenaryItems(db, workshop, 'de');
		expect(items.areas[0]!.flags!.map((f) => [f.id, f.devices])).toEqual([['1.04', 4], ['1.01', 3]]);
		expect(items.areas[1]!.flags).toEqual([]);
		expect(JSON.stringify(items)).not.toContain('Geheimer Grund');
	});
});
