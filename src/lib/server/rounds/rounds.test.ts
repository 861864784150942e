import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Catalogue } from '$lib/schemas/catalogue';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as catalogues from '../db/catalogues';
import * as municipalities from '../db/municipalities';
import * as questionnaire from '../db/questionnaire';
import * as users from '../db/users';
import { createTestDb } from '../db/testing';
import { storedPreviousProblems } from '../catalogues/editions';
import { changesBetween, previousBlock, progressOf } from './progress';
import { saveAnswers, setAgreedAnswer, setAssignments, setStatus } from '../questionnaire/questionnaire';
import { lastRoundReferences, requirePrevious, roundCatalogues, startRound } from './rounds';
import { storeShippedCatalogues } from '../catalogues/shipped';
import { refusalOf } from '../testing/outcomes';

const shipped = (): Catalogue => JSON.parse(readFileSync('db/catalogues/weltoffene-kommune-2026.1.json', 'utf8'));

/** 2028.1 follows 2026.1: 1.01 reworded (1.01r), 1.02 split (1.02a, 1.02b), 1.03 dropped. */
function edition2028(): Catalogue {
	const c = shipped();
	c.version = '2028.1';
	const area = c.areas[0]!;
	const q = (id: string) => area.questions.find((x) => x.id === id)!;
	const split = q('1.02');
	q('1.01').id = '1.01r';
	area.questions.splice(area.questions.indexOf(split), 1, { ...split, id: '1.02a' }, { ...split, id: '1.02b' });
	area.questions.splice(area.questions.indexOf(q('1.03')), 1);
	c.previous = {
		catalogueId: c.id,
		version: '2026.1',
		questionMap: [
			{ from: '1.01', kind: 'reworded', to: ['1.01r'] },
			{ from: '1.02', kind: 'split', to: ['1.02a', '1.02b'] },
			{ from: '1.03', kind: 'dropped' }
		]
	};
	return c;
}

let db: Db;
let municipalityId: number;
let coordinator: number;
let editor: number;
let shippedId: number;

beforeEach(async () => {
	db = await createTestDb();
	await storeShippedCatalogues(db);
	municipalityId = (await municipalities.createMunicipality(db, 'Runde-Stadt')).id;
	coordinator = (await users.createUser(db, { email: 'k@runde.de', name: 'Koordination', passwordHash: 'x' })).id;
	editor = (await users.createUser(db, { email: 'e@runde.de', name: 'Bearbeitung', passwordHash: 'x' })).id;
	await users.addMembership(db, coordinator, municipalityId, 'coordinator');
	await users.addMembership(db, editor, municipalityId, 'editor');
	shippedId = (await catalogues.listCatalogues(db, municipalityId))[0]!.id;
});

/** A closed first round on the shipped catalogue: the editor answered area 1, agreed automatically. */
async function firstRound() {
	const round = await assessments.createAssessment(db, { municipalityId, name: 'Selbstcheck 2026', catalogueId: shippedId, createdBy: coordinator });
	await setAssignments(db, round, [
		{ area: 1, userId: editor },
		{ area: 2, userId: editor },
		{ area: 3, userId: coordinator }
	]);
	const area1 = shipped().areas[0]!.questions;
	await saveAnswers(db, round, { userId: editor, role: 'editor' }, area1.map((q) => ({ questionId: q.id, value: '1', comment: '', evidence: '' })));
	await setAgreedAnswer(db, round, coordinator, { questionId: '1.04', value: '2', reason: 'Festgelegt', expectedVersion: 1 });
	await setStatus(db, round, 'closed', coordinator);
	return (await assessments.findAssessment(db, municipalityId, round.id))!;
}

describe('starting the next round', () => {
	it('copies area assignments and the link to the previous round, but no answer', async () => {
		expect.hasAssertions();
		const previous = await firstRound();
		const next = await startRound(db, previous, { name: 'Selbstcheck 2028', catalogueId: shippedId, userId: coordinator, reason: '' });
		expect(next.previous_assessment_id).toBe(previous.id);
		expect(next.status).toBe('open');
		expect(await questionnaire.listAssignments(db, next.id)).toEqual(await questionnaire.listAssignments(db, previous.id));
		expect(await questionnaire.listAnswers(db, next.id)).toHaveLength(0);
		expect(await questionnaire.listAgreed(db, next.id)).toHaveLength(0);
		// The last round's agreed answers are references beside the questions, nothing more.
		const refs = await lastRoundReferences(db, next);
		expect(refs?.round.name).toBe('Selbstcheck 2026');
		expect(refs?.references['1.04']).toEqual([{ questionId: '1.04', kind: 'same', value: '2', label: expect.objectContaining({ de: 'teilweise umgesetzt' }), points: 2, maxPoints: 3 }]);
		expect(refs?.references['2.01']).toBeUndefined();
	});

	it('copies the profile with its "trifft nicht zu" presets, and skips assignments of people who left', async () => {
		expect.hasAssertions();
		const previous = await assessments.createAssessment(db, { municipalityId, name: 'Kreis 2026', catalogueId: shippedId, createdBy: coordinator, profile: 'landkreis' });
		await setAssignments(db, previous, [{ area: 1, userId: editor }, { area: 4, userId: coordinator }]);
		await users.setMembershipActive(db, municipalityId, editor, false);
		const next = await startRound(db, previous, { name: 'Kreis 2028', catalogueId: shippedId, userId: coordinator, reason: 'Profil' });
		expect(next.profile).toBe('landkreis');
		expect(await questionnaire.listAssignments(db, next.id)).toEqual([{ area: 4, userId: coordinator }]);
		expect(await questionnaire.listAnswers(db, next.id)).toHaveLength(0);
		const presets = await questionnaire.listAgreed(db, next.id);
		expect(presets.length).toBeGreaterThan(0);
		expect(presets.every((a) => a.value === 'na')).toBe(true);
	});

	it('takes a newer edition, and refuses an older one or another catalogue, writing nothing', async () => {
		expect.hasAssertions();
		const stored = await catalogues.storeCatalogue(db, edition2028(), municipalityId, coordinator);
		const previous = await firstRound();
		expect((await roundCatalogues(db, previous)).map((c) => c.version).sort()).toEqual(['2026.1', '2028.1']);
		const next = await startRound(db, previous, { name: 'Selbstcheck 2028', catalogueId: stored.id, userId: coordinator, reason: '' });
		expect((await roundCatalogues(db, next)).map((c) => c.version)).toEqual(['2028.1']);
		const before = (await assessments.listRounds(db, municipalityId)).length;
		expect(await refusalOf(startRound(db, next, { name: 'Zurück', catalogueId: shippedId, userId: coordinator, reason: '' }))).toBe('422 catalogueOlder');
		const unrelated = shipped();
		unrelated.id = 'anderer-katalog';
		const other = await catalogues.storeCatalogue(db, unrelated, municipalityId, coordinator);
		expect(await refusalOf(startRound(db, previous, { name: 'Anders', catalogueId: other.id, userId: coordinator, reason: '' }))).toBe('422 catalogueOlder');
		expect(await refusalOf(startRound(db, previous, { name: 'Selbstcheck 2028', catalogueId: stored.id, userId: coordinator, reason: '' }))).toBe('409 assessmentExists');
		expect(await assessments.listRounds(db, municipalityId)).toHaveLength(before);
	});

	it('refuses a previous round of another municipality as if it did not exist', async () => {
		expect.hasAssertions();
		const previous = await firstRound();
		const other = await municipalities.createMunicipality(db, 'Nachbarstadt');
		expect(await refusalOf(requirePrevious(db, other.id, previous.id))).toBe('404 previousNotFound');
		expect(await refusalOf(requirePrevious(db, municipalityId, 999_999))).toBe('404 previousNotFound');
		expect((await requirePrevious(db, municipalityId, previous.id)).id).toBe(previous.id);
	});

	it('refuses to store an edition whose map names old questions the older version lacks', async () => {
		expect.hasAssertions();
		const c = edition2028();
		c.previous!.questionMap.push({ from: 'nicht-da', kind: 'dropped' });
		expect((await storedPreviousProblems(db, municipalityId, c)).map((p) => p.code)).toEqual(['mapUnknownOld']);
		c.previous!.version = '2024.9';
		expect((await storedPreviousProblems(db, municipalityId, c)).map((p) => p.code)).toEqual(['previousUnknown']);
		expect(await storedPreviousProblems(db, municipalityId, edition2028())).toEqual([]);
	});
});

describe('progress across rounds', () => {
	it('lists every round oldest first with figures, and what changed per question through the map', async () => {
		expect.hasAssertions();
		const stored = await catalogues.storeCatalogue(db, edition2028(), municipalityId, coordinator);
		const previous = await firstRound();
		const next = await startRound(db, previous, { name: 'Selbstcheck 2028', catalogueId: stored.id, userId: coordinator, reason: '' });
		const area1 = edition2028().areas[0]!.questions;
		await saveAnswers(db, next, { userId: editor, role: 'editor' }, area1.map((q) => ({ questionId: q.id, value: '3', comment: '', evidence: '' })));
		await saveAnswers(db, next, { userId: editor, role: 'editor' }, [{ questionId: '1.05', value: '0', comment: '', evidence: '' }]);

		const rounds = await progressOf(db, next);
		expect(rounds.map((r) => r.name)).toEqual(['Selbstcheck 2026', 'Selbstcheck 2028']);
		expect(rounds[0]!.areas[0]).toMatchObject({ area: 1, level: 3, median: null, tooFewRatings: true });
		expect(rounds[1]!.areas[0]).toMatchObject({ area: 1, level: 1 });
		expect(rounds[1]!.catalogueVersion).toBe('2028.1');

		const changes = await changesBetween(db, previous, next);
		const of = (id: string) => changes.find((c) => c.to === id || (c.to === undefined && c.from === id));
		expect(of('1.01r')).toMatchObject({ status: 'better', from: '1.01', kind: 'reworded', oldValue: '1', newValue: '3' });
		expect(of('1.02a')).toMatchObject({ status: 'new', from: '1.02', kind: 'split', oldValue: '1' });
		expect(of('1.03')).toMatchObject({ status: 'dropped', oldValue: '1' });
		expect(of('1.05')).toMatchObject({ status: 'worse', oldValue: '1', newValue: '0' });
		expect(of('2.01')).toMatchObject({ status: 'open', oldValue: null, newValue: null });

		const block = await previousBlock(db, next);
		expect(block.get(1)).toMatchObject({ assessmentId: previous.id, name: "Selbstcheck 2026", level: 3 });
		expect((await previousBlock(db, previous)).size).toBe(0);
	});
});
