import { error } from '@sveltejs/kit';
import type { Db } from '../db';
import * as municipalities from '../db/municipalities';
import * as operatorStore from '../db/operator';
import type { Municipality } from '../db/schema';
import type { OverviewEntry } from '$lib/domain/operator-overview';
import { invalidateUserSessions } from '../accounts/sessions';
import { inviteWithin } from '../accounts/invitations';
import { Refusal } from '../http/refusal';
import { clock as appClock, type Clock } from '../platform/clock';
import { validateCatalogueText, type Catalogue, type CatalogueProblem } from '$lib/schemas/catalogue';
import * as catalogues from '../db/catalogues';
import type { MunicipalityCreate } from '$lib/schemas/municipality';

/*
 * The operator (Betrieb) runs one installation for many municipalities: creates them, invites each
 * one's first coordinator, deactivates them and publishes catalogue versions to all. An operator is
 * no member: the access hook gives them no municipality route unless a coordinator invited them.
 */

/** The logged-in operator's id; 403 for everyone else (the access hook already sent anonymous callers to the login). */
export function requireOperator(locals: App.Locals): { userId: number } {
	if (!locals.user) error(401, 'login');
	if (!locals.user.operator) error(403, 'forbidden');
	return { userId: locals.user.id };
}

export interface CreatedMunicipality {
	id: number;
	name: string;
	invitation: { token: string; email: string; expiresAt: string };
}

/**
 * Creates the municipality and the invitation of its first coordinator in one transaction: either
 * both exist afterwards or neither. A name taken in any case is refused (409).
 */
export async function createMunicipality(
	db: Db,
	values: MunicipalityCreate,
	operatorId: number,
	clock: Clock = appClock
): Promise<CreatedMunicipality> {
	try {
		return await db.transaction().execute(async (trx) => {
			if (await operatorStore.findMunicipalityNamed(trx, values.name)) throw new Refusal('municipalityNameTaken', 409);
			const municipality = await operatorStore.insertMunicipality(trx, values);
			const invitation = await inviteWithin(
				trx,
				{ municipalityId: municipality.id, email: values.coordinatorEmail, role: 'coordinator', invitedBy: operatorId },
				clock
			);
			return { id: municipality.id, name: municipality.name, invitation: { token: invitation.token, email: invitation.email, expiresAt: invitation.expiresAt } };
		});
	} catch (err) {
		// Two operators creating the same name at once: the unique column decides, the second gets 409.
		if (!(err instanceof Refusal) && /unique/i.test(String((err as Error)?.message))) throw new Refusal('municipalityNameTaken', 409);
		throw err;
	}
}

/**
 * Invites the first coordinator of a municipality again (the first link expired or went to the wrong
 * address). Only while nobody works in it: otherwise the operator could let themselves into content.
 */
export async function reinviteCoordinator(
	db: Db,
	values: { municipalityId: number; email: string },
	operatorId: number,
	clock: Clock = appClock
): Promise<{ name: string; invitation: { token: string; email: string; expiresAt: string } }> {
	return db.transaction().execute(async (trx) => {
		const open = (await operatorStore.listWithoutMembers(trx)).find((m) => m.id === values.municipalityId);
		if (!open) throw new Refusal('municipalityHasMembers', 409);
		const invitation = await inviteWithin(trx, { ...values, role: 'coordinator', invitedBy: operatorId }, clock);
		return { name: open.name, invitation: { token: invitation.token, email: invitation.email, expiresAt: invitation.expiresAt } };
	});
}

/**
 * Deactivates or reactivates a municipality. Deactivated, nobody can open it (no role is found, see
 * db/municipalities.findRole) and members without another municipality lose their sessions; the data
 * is kept. False when there was nothing to change.
 */
export async function setMunicipalityActive(db: Db, municipalityId: number, active: boolean): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const changed = await operatorStore.setDeactivated(trx, municipalityId, !active);
		if (changed && !active) {
			for (const userId of await operatorStore.membersLockedOutBy(trx, municipalityId)) await invalidateUserSessions(trx, userId);
		}
		return changed;
	});
}

export type PublishOutcome =
	| {
			ok: true;
			status: 'stored' | 'unchanged';
			id: number;
			title: { de: string; en: string };
			version: string;
			questions: number;
			/** Missing translations: stored anyway, the operator learns where participants see German. */
			warnings: CatalogueProblem[];
			catalogue: Catalogue;
	  }
	| { ok: false; status: 422; problems: CatalogueProblem[]; json: unknown }
	| { ok: false; status: 409; version: string };

/**
 * Publishes a catalogue file to every municipality: validated like a municipality's import, stored
 * with no municipality (as the shipped ones are). A version that exists with other content is refused.
 */
export async function publishCatalogue(db: Db, text: string, operatorId: number): Promise<PublishOutcome> {
	const validation = validateCatalogueText(text);
	if (!validation.ok) return { ok: false, status: 422, problems: validation.problems, json: validation.json };
	const { catalogue } = validation;
	const result = await catalogues.storeCatalogue(db, catalogue, null, operatorId);
	if (result.status === 'conflict') return { ok: false, status: 409, version: catalogue.version };
	const questions = catalogue.areas.reduce((n, a) => n + a.questions.length, 0);
	return { ok: true, status: result.status, id: result.id, title: catalogue.title, version: catalogue.version, questions, warnings: validation.warnings, catalogue };
}

/** Every municipality with its profile and the stage of its current round (figures and dates, no content). */
export async function operatorOverview(db: Db): Promise<OverviewEntry[]> {
	return operatorStore.listOverview(db);
}

/** Municipalities nobody works in yet: their first coordinator may be invited again. */
export async function municipalitiesWithoutMembers(db: Db): Promise<{ id: number; name: string }[]> {
	return operatorStore.listWithoutMembers(db);
}

/** The shipped catalogue versions, as published to every municipality. */
export async function publishedCatalogues(db: Db): Promise<operatorStore.PublishedCatalogue[]> {
	return operatorStore.listPublishedCatalogues(db);
}

/** A municipality by id, active or not. */
export async function findMunicipality(db: Db, municipalityId: number): Promise<Municipality | undefined> {
	return municipalities.findMunicipality(db, municipalityId);
}
