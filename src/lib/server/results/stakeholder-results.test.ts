import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../db/testing';
import { adminResult } from './results';
import { seedDemo } from '../seed/seed';
import { storeShippedCatalogues } from '../catalogues/shipped';
import { participantsByGroup, pickWorkshop, stakeholderSide } from './stakeholder-results';
import { addPaperBallot, createWorkshop, DEFAULT_GROUPS, setWorkshopFlags } from '../workshops/workshops';
import { shiftDate } from '../platform/clock';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
	await storeShippedCatalogues(db);
	await seedDemo(db);
});
afterEach(async () => {
	await db.destroy();
});

describe("the stakeholders' side of the demo", () => {
	it('shows the Krefeld pattern: a strong gap of +2 in areas 1 and 7 only, small groups suppressed', async () => {
		const assessment = await db.selectFrom('assessment').selectAll().orderBy('id').executeTakeFirstOrThrow();
		const workshop = await pickWorkshop(db, assessment, null);
		expect(workshop?.title).toBe('Workshop Weltoffene Kommune');
		const admin = await adminResult(db, assessment);
		const side = await stakeholderSide(db, workshop, new Map(admin.areas.map((a) => [a.area, a.level])));

		const strong = [...side].filter(([, s]) => s.divergence === 'strong').map(([area, s]) => [area, s.gap]);
		expect(strong).toEqual([
			[1, 2],
			[7, 2]
		]);
		const areaOne = side.get(1)!;
		expect(areaOne.ratings + areaOne.unknown).toBe(35);
		const groups = Object.fromEntries(areaOne.groups.map((g) => [g.group, g.suppressed]));
		// Wirtschaft has 4 people (k = 5); nobody chose Sonstige.
		expect(groups).toEqual({
			Verwaltung: false,
			Politik: false,
			Zivilgesellschaft: false,
			Wirtschaft: true,
			Migrantenorganisation: false,
			Sonstige: true
		});
	});

	it('refuses a workshop of another assessment', async () => {
		const assessment = await db.selectFrom('assessment').selectAll().orderBy('id').executeTakeFirstOrThrow();
		await expect(pickWorkshop(db, assessment, '999')).rejects.toMatchObject({ code: 'notFound', status: 404 });
	});

	it('a rehearsal or an archived workshop never becomes the default; the default is the latest real one by date', async () => {
		const assessment = await db.selectFrom('assessment').selectAll().orderBy('id').executeTakeFirstOrThrow();
		const real = await pickWorkshop(db, assessment, null);
		// Dates relative to the demo workshop's day, which the seed derives from the day it runs.
		const settings = { heldOn: shiftDate(real!.held_on, 30), areas: [1, 2], groups: DEFAULT_GROUPS, k: 5 };
		// Created later and dated later, but a rehearsal: before, it replaced the real workshop everywhere.
		const rehearsal = await createWorkshop(db, assessment, real!.created_by!, { ...settings, title: 'Probe', rehearsal: true });
		expect((await pickWorkshop(db, assessment, null))?.id).toBe(real!.id);
		// A later real workshop is the default; archived, it is not.
		const later = await createWorkshop(db, assessment, real!.created_by!, { ...settings, title: 'Zweiter Termin' });
		expect((await pickWorkshop(db, assessment, null))?.id).toBe(later.id);
		await setWorkshopFlags(db, assessment.id, later.id, { archived: true });
		expect((await pickWorkshop(db, assessment, null))?.id).toBe(real!.id);
		// An earlier date loses to a later one even when created last.
		const earlier = await createWorkshop(db, assessment, real!.created_by!, { ...settings, heldOn: shiftDate(real!.held_on, -400), title: 'Alt' });
		expect((await pickWorkshop(db, assessment, null))?.id).toBe(real!.id);
		// Asked for by id, each can still be shown.
		for (const w of [rehearsal, later, earlier]) expect((await pickWorkshop(db, assessment, String(w.id)))?.id).toBe(w.id);
		// Only rehearsals left as candidates: no default at all rather than a rehearsal.
		await setWorkshopFlags(db, assessment.id, real!.id, { rehearsal: true });
		await setWorkshopFlags(db, assessment.id, earlier.id, { archived: true });
		expect(await pickWorkshop(db, assessment, null)).toBeUndefined();
	});

	it('one paper ballot in an area never opened gives no figure and no divergence', async () => {
		const assessment = await db.selectFrom('assessment').selectAll().orderBy('id').executeTakeFirstOrThrow();
		const real = await pickWorkshop(db, assessment, null);
		const workshop = await createWorkshop(db, assessment, real!.created_by!, { title: 'Leer', heldOn: '2027-02-01', areas: [1, 2, 3, 4, 5, 6, 7], groups: DEFAULT_GROUPS, k: 5 });
		await addPaperBallot(db, workshop.id, 'Politik', [{ area: 4, level: 2 }]);
		const admin = await adminResult(db, assessment);
		const side = await stakeholderSide(db, workshop, new Map(admin.areas.map((a) => [a.area, a.level])));
		// Before: "Median 2, starke Abweichung −2", first on the strongest-gaps slide.
		expect(side.get(4)).toMatchObject({ ratings: 1, tooFewRatings: true, stakeholderMedian: null, gap: null, divergence: 'none', shareWorse: null });
		expect([...side.values()].every((s) => s.divergence === 'none')).toBe(true);
	});
});

describe('participants per group', () => {
	it('shows head counts from k on and "fewer than k" (null) otherwise, also against subtraction', () => {
		const ballots = [
			...Array(12).fill({ group: 'Verwaltung' }),
			...Array(6).fill({ group: 'Politik' }),
			{ group: 'Wirtschaft' }
		];
		expect(participantsByGroup(['Verwaltung', 'Politik', 'Wirtschaft'], ballots, 5)).toEqual([
			{ group: 'Verwaltung', count: 12 },
			{ group: 'Politik', count: null },
			{ group: 'Wirtschaft', count: null },
			{ group: null, count: 0 }
		]);
		// Four without a group would reveal Wirtschaft's one by subtraction: the smallest shown rows go too.
		expect(participantsByGroup(['Verwaltung', 'Politik', 'Wirtschaft'], [...ballots, ...Array(4).fill({ group: null })], 5)).toEqual([
			{ group: 'Verwaltung', count: 12 },
			{ group: 'Politik', count: 6 },
			{ group: 'Wirtschaft', count: null },
			{ group: null, count: null }
		]);
		const total = 12 + 6 + 1 + 4;
		expect(total - 12 - 6).toBeGreaterThanOrEqual(5); // what is hidden stays a pool of at least k
	});
});
