import type { Db } from './index';
import type { Municipality } from './schema';
import { now } from '../platform/clock';
import { latest, stageOf, type OverviewEntry, type RoundFacts } from '$lib/domain/operator-overview';
import type { LandCode, MunicipalityProfile } from '$lib/domain/municipality-profile';

/*
 * What the operator (Betrieb) reads and writes: municipalities as a whole. Every query here selects
 * counts, dates and the municipality's own profile only — never a text someone wrote inside a
 * municipality (answers, comments, evidence, ratings, proposals, measures' titles) and never a
 * person's name or address. db/operator.test.ts holds the list of fields it may return.
 */

/** Drivers return count() as number, bigint or string; the overview wants numbers. */
const num = (value: unknown): number => Number(value ?? 0);

/**
 * All municipalities with the figures of their current (newest) round. One query: the current round
 * is found by a grouped derived table, each figure is a correlated subquery on an indexed column
 * (assessment_id), so the cost grows with the number of municipalities, not with their content.
 */
export async function listOverview(db: Db): Promise<OverviewEntry[]> {
	const current = db
		.selectFrom('assessment')
		.select((eb) => ['municipality_id', eb.fn.max('id').as('current_id'), eb.fn.countAll().as('rounds')])
		.groupBy('municipality_id')
		.as('cur');
	const rows = await db
		.selectFrom('municipality as m')
		.leftJoin(current, 'cur.municipality_id', 'm.id')
		.leftJoin('assessment as a', 'a.id', 'cur.current_id')
		.leftJoin('catalogue as c', 'c.id', 'a.catalogue_id')
		.select((eb) => [
			'm.id',
			'm.name',
			'm.kind',
			'm.land',
			'm.population_band',
			'm.ags',
			'm.created_at',
			'm.deactivated_at',
			'cur.rounds',
			'a.id as assessmentId',
			'a.created_at as startedAt',
			'a.closed_at as closedAt',
			'a.status',
			'c.question_count as questions',
			eb
				.selectFrom('agreed_answer as ag')
				.select((s) => s.fn.countAll().as('n'))
				.whereRef('ag.assessment_id', '=', 'a.id')
				.as('agreed'),
			// Questions answered by someone but not agreed yet (agreed ones are counted above).
			eb
				.selectFrom('answer as an')
				.select((s) => s.fn.count('an.question_id').distinct().as('n'))
				.whereRef('an.assessment_id', '=', 'a.id')
				.where('an.value', 'is not', null)
				.where(({ not, exists, selectFrom }) =>
					not(
						exists(
							selectFrom('agreed_answer as ag2')
								.select('ag2.question_id')
								.whereRef('ag2.assessment_id', '=', 'an.assessment_id')
								.whereRef('ag2.question_id', '=', 'an.question_id')
						)
					)
				)
				.as('answeredOnly'),
			eb
				.selectFrom('workshop as w')
				.select((s) => s.fn.max('w.held_on').as('d'))
				.whereRef('w.assessment_id', '=', 'a.id')
				.where('w.rehearsal', '=', 0)
				.where('w.status', '=', 'ended')
				.as('workshopHeldOn'),
			eb
				.selectFrom('workshop as w')
				.select((s) => s.fn.min('w.held_on').as('d'))
				.whereRef('w.assessment_id', '=', 'a.id')
				.where('w.rehearsal', '=', 0)
				.where('w.status', '=', 'open')
				.where('w.archived_at', 'is', null)
				.as('workshopPlannedOn'),
			eb
				.selectFrom('workshop as w')
				.select((s) => s.fn.max('w.created_at').as('t'))
				.whereRef('w.assessment_id', '=', 'a.id')
				.as('workshopCreatedAt'),
			eb
				.selectFrom('workshop as w')
				.select((s) => s.fn.max('w.ended_at').as('t'))
				.whereRef('w.assessment_id', '=', 'a.id')
				.as('workshopEndedAt'),
			eb
				.selectFrom('measure as me')
				.select((s) => s.fn.countAll().as('n'))
				.whereRef('me.assessment_id', '=', 'a.id')
				.as('measures'),
			eb
				.selectFrom('measure as me')
				.select((s) => s.fn.max('me.updated_at').as('t'))
				.whereRef('me.assessment_id', '=', 'a.id')
				.as('measureUpdatedAt'),
			eb
				.selectFrom('answer_history as h')
				.select((s) => s.fn.max('h.created_at').as('t'))
				.whereRef('h.assessment_id', '=', 'a.id')
				.as('answeredAt')
		])
		.orderBy('m.name')
		.execute();

	return rows.map((r) => {
		const round: RoundFacts | null =
			r.assessmentId === null
				? null
				: {
						startedAt: r.startedAt!,
						closedAt: r.status === 'closed' ? r.closedAt : null,
						questions: num(r.questions),
						answered: Math.min(num(r.questions), num(r.agreed) + num(r.answeredOnly)),
						workshopHeldOn: (r.workshopHeldOn as string | null) ?? null,
						workshopPlannedOn: r.workshopHeldOn ? null : ((r.workshopPlannedOn as string | null) ?? null),
						measures: num(r.measures)
					};
		return {
			id: r.id,
			name: r.name,
			kind: r.kind,
			land: r.land as LandCode | null,
			populationBand: r.population_band,
			ags: r.ags,
			createdAt: r.created_at,
			deactivatedAt: r.deactivated_at,
			rounds: num(r.rounds),
			round,
			lastActivity: latest(
				r.created_at,
				r.startedAt,
				r.closedAt,
				r.workshopCreatedAt as string | null,
				r.workshopEndedAt as string | null,
				r.measureUpdatedAt as string | null,
				r.answeredAt as string | null
			),
			stage: stageOf(round)
		};
	});
}

export type NewMunicipality = MunicipalityProfile & { name: string };

/** Stores a municipality with its profile; the caller checked the name is free (the column is unique too). */
export async function insertMunicipality(db: Db, values: NewMunicipality): Promise<Municipality> {
	return db
		.insertInto('municipality')
		.values({
			name: values.name,
			kind: values.kind,
			land: values.land,
			population_band: values.populationBand,
			ags: values.ags,
			created_at: now()
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** A municipality with this name in any case ("musterstadt" is taken by "Musterstadt"). */
export async function findMunicipalityNamed(db: Db, name: string): Promise<{ id: number } | undefined> {
	return db
		.selectFrom('municipality')
		.select('id')
		.where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
		.executeTakeFirst();
}

/** Sets or clears the deactivation; false when there is no such municipality or nothing changed. */
export async function setDeactivated(db: Db, municipalityId: number, deactivated: boolean): Promise<boolean> {
	const result = await db
		.updateTable('municipality')
		.set({ deactivated_at: deactivated ? now() : null })
		.where('id', '=', municipalityId)
		.where('deactivated_at', deactivated ? 'is' : 'is not', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/**
 * The members of a municipality who have no other way in: no active membership in another active
 * municipality and no operator role. Their sessions end when it is deactivated.
 */
export async function membersLockedOutBy(db: Db, municipalityId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('membership as ms')
		.innerJoin('user as u', 'u.id', 'ms.user_id')
		.select('u.id')
		.where('ms.municipality_id', '=', municipalityId)
		.where('u.operator', '=', 0)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('membership as other')
						.innerJoin('municipality as om', 'om.id', 'other.municipality_id')
						.select('other.user_id')
						.whereRef('other.user_id', '=', 'ms.user_id')
						.where('other.municipality_id', '!=', municipalityId)
						.where('other.active', '=', 1)
						.where('om.deactivated_at', 'is', null)
				)
			)
		)
		.execute();
	return rows.map((r) => r.id);
}

/**
 * True when the person belongs only to deactivated municipalities (and is no operator): login is
 * refused with a message that says so. A person without any membership (say, with an invitation
 * waiting) may still log in.
 */
export async function onlyDeactivatedMemberships(db: Db, userId: number): Promise<boolean> {
	const rows = await db
		.selectFrom('membership as ms')
		.innerJoin('municipality as m', 'm.id', 'ms.municipality_id')
		.select(['m.deactivated_at'])
		.where('ms.user_id', '=', userId)
		.where('ms.active', '=', 1)
		.execute();
	return rows.length > 0 && rows.every((r) => r.deactivated_at !== null);
}

export interface PublishedCatalogue {
	id: number;
	key: string;
	version: string;
	title: { de: string; en: string };
	questionCount: number;
	/** null: shipped with the app; otherwise published by an operator. */
	publishedBy: number | null;
	importedAt: string;
}

/** The catalogue versions every municipality may use (shipped and operator-published), newest first. */
export async function listPublishedCatalogues(db: Db): Promise<PublishedCatalogue[]> {
	const rows = await db
		.selectFrom('catalogue')
		.select(['id', 'catalogue_key', 'version', 'title_de', 'title_en', 'question_count', 'imported_by', 'imported_at'])
		.where('municipality_id', 'is', null)
		.orderBy('imported_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		key: r.catalogue_key,
		version: r.version,
		title: { de: r.title_de, en: r.title_en },
		questionCount: r.question_count,
		publishedBy: r.imported_by,
		importedAt: r.imported_at
	}));
}

/**
 * Active municipalities nobody has joined yet (no active membership), by name: their first
 * coordinator may be invited again, e.g. when the first link expired. Once someone works in a
 * municipality, only its own coordinators invite.
 */
export async function listWithoutMembers(db: Db): Promise<{ id: number; name: string }[]> {
	return db
		.selectFrom('municipality as m')
		.select(['m.id', 'm.name'])
		.where('m.deactivated_at', 'is', null)
		.where(({ not, exists, selectFrom }) =>
			not(exists(selectFrom('membership as ms').select('ms.user_id').whereRef('ms.municipality_id', '=', 'm.id').where('ms.active', '=', 1)))
		)
		.orderBy('m.name')
		.execute();
}
