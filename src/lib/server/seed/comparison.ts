import type { Catalogue } from '$lib/schemas/catalogue';
import type { Db } from '../db';
import * as assessments from '../db/assessments';
import * as municipalities from '../db/municipalities';
import * as questionnaire from '../db/questionnaire';
import type { MunicipalityKind, PopulationBand } from '../db/schema';
import { now } from '../platform/clock';
import { setStatus } from '../questionnaire/questionnaire';
import { catalogueOf } from '../catalogues/versions';

export interface PeerSpec {
	name: string;
	kind: MunicipalityKind;
	band: PopulationBand | null;
	land: string;
	optedIn: boolean;
	/** One entry per closed round, oldest first: the share (0–1) of questions answered "umgesetzt". */
	rounds: number[];
	/** Set: the municipality is deactivated. */
	deactivated?: boolean;
}

/** A small deterministic generator, so seeded figures are the same on every run. */
export function randomFrom(seed: number): () => number {
	// Spread small seeds over all bits; xorshift's first outputs from a small state are small too.
	let state = Math.imul(seed + 1, 2654435761) >>> 0 || 1;
	const next = () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 4294967296;
	};
	for (let i = 0; i < 8; i++) next();
	return next;
}

/** Agreed answers for every question: level `strength` (0–1) with noise, a few "weiß nicht". */
function agreedValues(catalogue: Catalogue, strength: number, random: () => number): [string, string][] {
	return catalogue.areas.flatMap((area) =>
		area.questions.map((q): [string, string] => {
			const roll = random();
			if (roll < 0.04) return [q.id, 'unknown'];
			const points = Math.max(0, Math.min(3, Math.round(strength * 3 + (random() - 0.5) * 2.2 + (area.number - 4) * 0.05)));
			return [q.id, String(points)];
		})
	);
}

/**
 * A municipality described for the comparison with closed rounds of agreed answers, written in
 * batches and closed through the real `setStatus` (which stores the round's area figures).
 * `coordinatorId` is recorded as the actor; returns the municipality's and rounds' ids.
 */
export async function seedPeer(
	db: Db,
	spec: PeerSpec,
	catalogueId: number,
	coordinatorId: number,
	seed: number
): Promise<{ municipalityId: number; assessmentIds: number[] }> {
	const municipality = await municipalities.createMunicipality(db, spec.name);
	await municipalities.describeForComparison(db, municipality.id, { ...spec, deactivated: spec.deactivated === true, at: now() });
	const random = randomFrom(seed);
	const assessmentIds: number[] = [];
	let previous: number | null = null;
	for (const [i, strength] of spec.rounds.entries()) {
		const assessment = await assessments.createAssessment(db, {
			municipalityId: municipality.id,
			name: `Selbstcheck ${2024 + 2 * i}`,
			catalogueId,
			createdBy: null
		});
		if (previous !== null) await assessments.setPrevious(db, assessment.id, previous);
		const catalogue = await catalogueOf(db, assessment);
		await questionnaire.insertAgreedAnswers(db, assessment.id, agreedValues(catalogue, strength, random), now());
		await setStatus(db, assessment, 'closed', coordinatorId);
		assessmentIds.push(assessment.id);
		previous = assessment.id;
	}
	return { municipalityId: municipality.id, assessmentIds };
}
