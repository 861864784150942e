import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as catalogues from '../db/catalogues';
import * as municipalities from '../db/municipalities';
import * as questionnaire from '../db/questionnaire';
import type { Assessment } from '../db/schema';
import { createTestDb } from '../db/testing';
import { refusalOf } from '../testing/outcomes';
import * as users from '../db/users';
import { parseOpenItems, saveAnswers, setAgreedAnswer, setAssignments, setStatus } from './questionnaire';
import { adminResult } from '../results/results';
import { storeShippedCatalogues } from '../catalogues/shipped';

let db: Db;
let assessment: Assessment;
let coordinator: number;
let editorA: number;
let editorB: number;

beforeEach(async () => {
	db = await createTestDb();
	await storeShippedCatalogues(db);
	const m = await municipalities.createMunicipality(db, 'Teststadt');
	const person = async (email: string, role: 'coordinator' | 'editor') => {
		const user = await users.createUser(db, { email, name: email, passwordHash: 'x' });
		await users.addMembership(db, user.id, m.id, role);
		return user.id;
	};
	coordinator = await person('koord@test.de', 'coordinator');
	editorA = await person('a@test.de', 'editor');
	editorB = await person('b@test.de', 'editor');
	const [catalogue] = await catalogues.listCatalogues(db, m.id);
	assessment = await assessments.createAssessment(db, { municipalityId: m.id, name: 'Check', catalogueId: catalogue!.id, createdBy: coordinator });
	await setAssignments(db, assessment, [
		{ area: 1, userId: editorA },
		{ area: 1, userId: editorB },
		{ area: 2, userId: editorA }
	]);
});
afterEach(async () => {
	await db.destroy();
});

const answer = (questionId: string, value: string | null, comment = '', evidence = '') => ({ questionId, value, comment, evidence });

describe('saving answers', () => {
	it('keeps a history row for every change, with old and new, and none for an unchanged save', async () => {
		await saveAnswers(db, assessment, { userId: editorA, role: 'editor' }, [answer('1.01', '2', 'erster Stand')]);
		await saveAnswers(db, assessment, { userId: editorA, role: 'editor' }, [answer('1.01', '3', 'erster Stand', 'Ratsbeschluss')]);
		expect(await saveAnswers(db, assessment, { userId: editorA, role: 'editor' }, [answer('1.01', '3', 'erster Stand', 'Ratsbeschluss')])).toBe(0);

		const history = (await questionnaire.listHistory(db, assessment.id, '1.01')).filter((h) => h.kind === 'answer').reverse();
		expect(history.map((h) => [h.oldValue, h.newValue, h.oldEvidence, h.newEvidence, h.raterName])).toEqual([
			[null, '2', '', '', 'a@test.de'],
			['2', '3', '', 'Ratsbeschluss', 'a@test.de']
		]);
	});

	it('agrees automatically while all raters give the same value, and withdraws it when they differ', async () => {
		await saveAnswers(db, assessment, { userId: editorA, role: 'editor' }, [answer('1.02', '2')]);
		expect((await questionnaire.findAgreed(db, assessment.id, '1.02'))?.value).toBe('2');
		await saveAnswers(db, assessment, { userId: editorB, role: 'editor' }, [answer('1.02', '2')]);
		expect((await questionnaire.findAgreed(db, assessment.id, '1.02'))).toMatchObject({ value: '2', automatic: 1 });
		await saveAnswers(db, assessment, { userId: editorB, role: 'editor' }, [answer('1.02', '0')]);
		expect(await questionnaire.findAgreed(db, assessment.id, '1.02')).toBeUndefined();
		const agreedHistory = (await questionnaire.listHistory(db, assessment.id, '1.02')).filter((h) => h.kind === 'agreed');
		expect(agreedHistory.map((h) => [h.oldValue, h.newValue]).reverse()).toEqual([
			[null, '2'],
			['2', null]
		]);
	});

	it('refuses the whole batch and writes nothing when one answer is bad', async () => {
		const cases = [
			[answer('1.01', '2'), answer('9.99', '2')],
			[answer('1.01', '2'), answer('1.02', '7')],
			[answer('1.01', '2'), answer('3.01', '2')]
		];
		expect(await refusalOf(saveAnswers(db, assessment, { userId: editorA, role: 'editor' }, cases[0]!))).toBe('422 unknownQuestion');
		expect(await refusalOf(saveAnswers(db, assessment, { userId: editorA, role: 'editor' }, cases[1]!))).toBe('422 invalidValue');
		expect(await refusalOf(saveAnswers(db, assessment, { userId: editorA, role: 'editor' }, cases[2]!))).toBe('403 notAssigned');
		expect(await questionnaire.listAnswers(db, assessment.id)).toEqual([]);
		expect(await questionnaire.listHistory(db, assessment.id, '1.01')).toEqual([]);
	});

	it('lets the coordinator answer any area, and nobody after closing', async () => {
		expect(await refusalOf(saveAnswers(db, assessment, { userId: coordinator, role: 'coordinator' }, [answer('5.01', '1')]))).toBe('accepted');
		await setStatus(db, assessment, 'closed', coordinator);
		expect(await refusalOf(saveAnswers(db, assessment, { userId: editorA, role: 'editor' }, [answer('1.01', '1')]))).toBe('409 closed');
		expect(await refusalOf(setStatus(db, assessment, 'closed', coordinator))).toBe('409 closed');
		await setStatus(db, assessment, 'open', coordinator);
		expect(await refusalOf(saveAnswers(db, assessment, { userId: editorA, role: 'editor' }, [answer('1.01', '1')]))).toBe('accepted');
		const status = await questionnaire.listHistory(db, assessment.id, null);
		expect(status.map((h) => [h.kind, h.actorName])).toEqual([
			['reopened', 'koord@test.de'],
			['closed', 'koord@test.de']
		]);
	});

	it('records the reason and what was open when closing with open items', async () => {
		const openItems = { openDisagreements: 16, notAssessable: [2, 5] };
		await setStatus(db, assessment, 'closed', coordinator, { reason: 'Ratssitzung am Montag', openItems });
		const [closing] = await questionnaire.listHistory(db, assessment.id, null);
		expect(closing).toMatchObject({ kind: 'closed', newReason: 'Ratssitzung am Montag' });
		expect(parseOpenItems(closing!.newValue)).toEqual(openItems);
		expect(parseOpenItems(null)).toBeNull();
		expect(parseOpenItems('kaputt')).toBeNull();
	});
});

describe('the agreed answer', () => {
	beforeEach(async () => {
		await saveAnswers(db, assessment, { userId: editorA, role: 'editor' }, [answer('1.03', '3')]);
		await saveAnswers(db, assessment, { userId: editorB, role: 'editor' }, [answer('1.03', '1')]);
	});

	it('needs a reason when the raters differ', async () => {
		expect(
			await refusalOf(setAgreedAnswer(db, assessment, coordinator, { questionId: '1.03', value: '2', reason: '  ', expectedVersion: 0 }))
		).toBe('422 reasonRequired');
		expect(await questionnaire.findAgreed(db, assessment.id, '1.03')).toBeUndefined();
		const result = await setAgreedAnswer(db, assessment, coordinator, { questionId: '1.03', value: '2', reason: 'Kompromiss', expectedVersion: 0 });
		expect(result).toEqual({ status: 'saved' });
		expect(await questionnaire.findAgreed(db, assessment.id, '1.03')).toMatchObject({ value: '2', reason: 'Kompromiss', automatic: 0, version: 1 });
	});

	it('refuses a save that started from an older version and returns the other change', async () => {
		await setAgreedAnswer(db, assessment, coordinator, { questionId: '1.03', value: '2', reason: 'Erste', expectedVersion: 0 });
		// A second coordinator tab still shows version 0.
		const stale = await setAgreedAnswer(db, assessment, coordinator, { questionId: '1.03', value: '3', reason: 'Zweite', expectedVersion: 0 });
		expect(stale.status).toBe('conflict');
		expect(stale.status === 'conflict' && stale.current).toMatchObject({ value: '2', reason: 'Erste', version: 1 });
		expect(await questionnaire.findAgreed(db, assessment.id, '1.03')).toMatchObject({ value: '2', version: 1 });
		const history = (await questionnaire.listHistory(db, assessment.id, '1.03')).filter((h) => h.kind === 'agreed');
		// Newest first: the one manual change, before it the automatic agreement and its withdrawal.
		expect(history.map((h) => [h.oldValue, h.newValue, h.newReason])).toEqual([
			[null, '2', 'Erste'],
			['3', null, null],
			[null, '3', null]
		]);
	});

	it('is not overwritten by later unanimous answers once set by hand', async () => {
		await setAgreedAnswer(db, assessment, coordinator, { questionId: '1.03', value: '2', reason: 'Kompromiss', expectedVersion: 0 });
		await saveAnswers(db, assessment, { userId: editorB, role: 'editor' }, [answer('1.03', '3')]);
		expect(await questionnaire.findAgreed(db, assessment.id, '1.03')).toMatchObject({ value: '2', automatic: 0 });
	});
});

describe("the administration's result", () => {
	it('scores only agreed answers and counts open disagreements', async () => {
		// Area 1 has 12 questions: A answers all with 3 except 1.12 (2); B differs on 1.01.
		const areaOne = Array.from({ length: 12 }, (_, i) => `1.${String(i + 1).padStart(2, '0')}`);
		await saveAnswers(db, assessment, { userId: editorA, role: 'editor' }, areaOne.map((id) => answer(id, id === '1.12' ? '2' : '3')));
		await saveAnswers(db, assessment, { userId: editorB, role: 'editor' }, [answer('1.01', '0')]);
		let result = await adminResult(db, assessment);
		// 11 agreed answers: 10 × 3 + 1 × 2 = 32 of 33 points = 96.97 %
		expect(result.areas[0]).toMatchObject({ answered: 11, total: 12, points: 32, level: 1 });
		expect(result.openDisagreements).toBe(1);

		await setAgreedAnswer(db, assessment, coordinator, { questionId: '1.01', value: '0', reason: 'Nicht umgesetzt', expectedVersion: 0 });
		result = await adminResult(db, assessment);
		// 12 answers, 32 of 36 points = 88.9 %
		expect(result.areas[0]).toMatchObject({ answered: 12, points: 32, level: 1 });
		expect(result.areas[0]!.score).toBeCloseTo(88.89, 2);
		expect(result.areas[1]).toMatchObject({ answered: 0, score: null, level: null, assessable: false });
		expect(result.openDisagreements).toBe(0);
	});
});

describe('assignments', () => {
	it('accept only active editors and coordinators of the municipality, and areas 1–7', async () => {
		const other = await municipalities.createMunicipality(db, 'Anderswo');
		const stranger = await users.createUser(db, { email: 'x@anderswo.de', name: 'X', passwordHash: 'x' });
		await users.addMembership(db, stranger.id, other.id, 'editor');
		expect(await refusalOf(setAssignments(db, assessment, [{ area: 1, userId: stranger.id }]))).toBe('422 unknownStaff');
		expect(await refusalOf(setAssignments(db, assessment, [{ area: 8, userId: editorA }]))).toBe('422 invalidArea');
		expect(await questionnaire.listAssignments(db, assessment.id)).toHaveLength(3);
	});
});
