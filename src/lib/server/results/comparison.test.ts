import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { comparisonFor } from './comparison';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as catalogues from '../db/catalogues';
import * as comparison from '../db/comparison';
import type { Assessment } from '../db/schema';
import { createTestDb } from '../db/testing';
import * as users from '../db/users';
import { setStatus } from '../questionnaire/questionnaire';
import { seedPeer, type PeerSpec } from '../seed/comparison';
import { storeShippedCatalogues } from '../catalogues/shipped';
import { refusalOf } from '../testing/outcomes';

let db: Db;
let catalogueId: number;
let actor: number;
let seed = 1;

beforeEach(async () => {
	db = await createTestDb();
	await storeShippedCatalogues(db);
	catalogueId = (await catalogues.listCatalogues(db, 0))[0]!.id;
	actor = (await users.createUser(db, { email: 'seed@test.de', name: 'Seed', passwordHash: 'x' })).id;
});
afterEach(async () => {
	await db.destroy();
});

const city = (name: string, extra: Partial<PeerSpec> = {}): PeerSpec => ({
	name,
	kind: 'kreisfreie_stadt',
	band: '100k_500k',
	land: 'NW',
	optedIn: true,
	rounds: [0.3 + (seed % 7) * 0.08],
	...extra
});

async function peer(name: string, extra: Partial<PeerSpec> = {}) {
	return seedPeer(db, city(name, extra), catalogueId, actor, seed++);
}

async function viewerRound(extra: Partial<PeerSpec> = {}): Promise<Assessment> {
	const { municipalityId, assessmentIds } = await peer('Eigene Stadt', extra);
	return (await assessments.findAssessment(db, municipalityId, assessmentIds.at(-1)!))!;
}

const published = (view: Awaited<ReturnType<typeof comparisonFor>>) => view.areas.filter((a) => !a.tooFew).length;

describe('stored area figures', () => {
	it("writes a round's area figures when it is closed and removes them when it is reopened", async () => {
		const own = await viewerRound({ rounds: [0.6] });
		const stored = async () =>
			db.selectFrom('assessment_area_figure').selectAll().where('assessment_id', '=', own.id).orderBy('area').execute();
		const closed = await stored();
		expect(closed.map((s) => s.area)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(closed.map((s) => [s.score !== null, s.level !== null, s.coverage >= 0.5])).toEqual(Array(7).fill([true, true, true]));
		await setStatus(db, own, 'open', actor);
		expect(await stored()).toEqual([]);
		await setStatus(db, own, 'closed', actor);
		expect(await stored()).toEqual(closed);
	});

	it('fills in the figures of a round closed before they were stored', async () => {
		const { assessmentIds } = await peer('Alte Stadt');
		await db.deleteFrom('assessment_area_figure').execute();
		const own = await viewerRound();
		for (let i = 0; i < 5; i++) await peer(`Stadt ${i}`);
		await db.deleteFrom('assessment_area_figure').where('assessment_id', '=', assessmentIds[0]!).execute();
		expect(published(await comparisonFor(db, own))).toBe(7);
		expect((await comparison.listAreaScores(db, assessmentIds)).get(assessmentIds[0]!)?.size).toBe(7);
	});
});

describe('who counts', () => {
	it('needs 5 others: 4 peers give too few, 5 give figures, each naming only the group', async () => {
		const own = await viewerRound();
		for (let i = 0; i < 4; i++) await peer(`Stadt ${i}`);
		expect(published(await comparisonFor(db, own))).toBe(0);
		await peer('Stadt 4');
		const view = await comparisonFor(db, own);
		expect(view.areas[0]).toMatchObject({ area: 1, group: { type: 'kreisfreie_stadt', municipalities: 6 } });
		expect(JSON.stringify(view)).not.toMatch(/Stadt|municipalityId|assessmentId/);
	});

	it('leaves out opted-out and deactivated municipalities, other kinds and open rounds', async () => {
		const own = await viewerRound();
		for (let i = 0; i < 4; i++) await peer(`Stadt ${i}`);
		await peer('Ohne Zustimmung', { optedIn: false });
		await peer('Deaktiviert', { deactivated: true });
		await peer('Landkreis', { kind: 'landkreis' });
		await peer('Nur offen', { rounds: [] }).then(({ municipalityId }) =>
			assessments.createAssessment(db, { municipalityId, name: 'offen', catalogueId, createdBy: null })
		);
		expect(published(await comparisonFor(db, own))).toBe(0);
		const live = await comparison.listLiveMembers(db, 'kreisfreie_stadt');
		expect(live).toHaveLength(5);
	});

	it('takes the latest closed round of each municipality', async () => {
		const { municipalityId, assessmentIds } = await peer('Zwei Runden', { rounds: [0.2, 0.9] });
		const live = await comparison.listLiveMembers(db, 'kreisfreie_stadt');
		expect(live).toEqual([{ municipalityId, band: '100k_500k', assessmentId: assessmentIds[1] }]);
	});

	it('refuses a municipality that has not opted in, and one without a kind', async () => {
		const own = await viewerRound({ optedIn: false });
		expect(await refusalOf(comparisonFor(db, own))).toBe('409 comparisonNotOptedIn');
		await comparison.setOptIn(db, own.municipality_id, true);
		await db.updateTable('municipality').set({ kind: null }).where('id', '=', own.municipality_id).execute();
		expect(await refusalOf(comparisonFor(db, own))).toBe('409 comparisonNoKind');
	});
});

describe('population bands', () => {
	it('uses the own band once it and the rest of the kind each hold 6, else the whole kind', async () => {
		const own = await viewerRound();
		for (let i = 0; i < 5; i++) await peer(`Gleiche Größe ${i}`);
		for (let i = 0; i < 5; i++) await peer(`Andere Größe ${i}`, { band: 'over_500k' });
		expect((await comparisonFor(db, own)).areas[0]).toMatchObject({ group: { type: 'kreisfreie_stadt', municipalities: 11 } });
		expect((await comparisonFor(db, own)).areas[0]).not.toHaveProperty('group.band');
		// The 6th in the other band is one change for the kind's published snapshot (kept), but the
		// band group never published anything, so it is computed now.
		await peer('Andere Größe 5', { band: 'over_500k' });
		expect((await comparisonFor(db, own)).areas[0]).toMatchObject({ group: { type: 'kreisfreie_stadt', band: '100k_500k', municipalities: 6 } });
	});
});

describe('snapshots against subtraction', () => {
	it('keeps the published figures while fewer than 5 members changed, then refreshes', async () => {
		const own = await viewerRound();
		for (let i = 0; i < 7; i++) await peer(`Stadt ${i}`, { rounds: [0.1 + i * 0.12] });
		const first = await comparisonFor(db, own);
		expect(published(first)).toBe(7);
		const extremes: number[] = [];
		for (let i = 0; i < 4; i++) extremes.push((await peer(`Neu ${i}`, { rounds: [1] })).municipalityId);
		await comparison.setOptIn(db, extremes[0]!, false);
		expect(await comparisonFor(db, own)).toEqual(first);
		for (let i = 4; i < 6; i++) await peer(`Neu ${i}`, { rounds: [1] });
		const refreshed = await comparisonFor(db, own);
		expect(refreshed).not.toEqual(first);
		expect(refreshed.areas[0]).toMatchObject({ group: { municipalities: 13 } });
	});

	it('shows every member of the group the same group figures', async () => {
		const own = await viewerRound();
		const others = [];
		for (let i = 0; i < 6; i++) others.push(await peer(`Stadt ${i}`));
		const other = (await assessments.findAssessment(db, others[0]!.municipalityId, others[0]!.assessmentIds[0]!))!;
		const strip = (v: Awaited<ReturnType<typeof comparisonFor>>) => v.areas.map((a) => ('own' in a ? { ...a, own: null } : a));
		expect(strip(await comparisonFor(db, own))).toEqual(strip(await comparisonFor(db, other)));
	});
});
