import { LAENDER, CITY_STATES, type LandCode } from '$lib/domain/municipality-profile';
import { migrate, openDatabase, setSqliteSync, type Db } from '../db';
import * as catalogues from '../db/catalogues';
import * as municipalities from '../db/municipalities';
import type { MunicipalityKind, PopulationBand } from '../db/schema';
import * as users from '../db/users';
import { hashPassword } from '../accounts/passwords';
import { randomFrom, seedPeer, type PeerSpec } from './comparison';
import { storeShippedCatalogues } from '../catalogues/shipped';

export { migrate, openDatabase };

/** Names of seeded municipalities start with this, so a second run can tell it already ran. */
export const SEED_PREFIX = 'Vergleichskommune';

export const SEED_ACCOUNTS = {
	/** Coordinator of every seeded municipality (what the benchmark logs in as). */
	coordinator: { email: 'koordination@vergleich.example', password: 'Vergleich-2026' },
	/** Operator (Betrieb) of the installation. */
	operator: { email: 'betrieb@vergleich.example', password: 'Vergleich-2026' }
};

/** Kinds with their share and the population bands they come in. */
const KINDS: { kind: MunicipalityKind; share: number; bands: PopulationBand[] }[] = [
	{ kind: 'kreisangehoerige_gemeinde', share: 0.4, bands: ['under_20k', '20k_50k', '50k_100k'] },
	{ kind: 'landkreis', share: 0.25, bands: ['50k_100k', '100k_500k'] },
	{ kind: 'kreisfreie_stadt', share: 0.27, bands: ['50k_100k', '100k_500k', 'over_500k'] },
	{ kind: 'stadtstaat_bezirk', share: 0.08, bands: ['100k_500k', 'over_500k'] }
];

/** The municipalities `seedMany` writes: varied kinds, Länder and bands, most opted in, a few deactivated. */
export function seedSpecs(count: number, seed = 1): PeerSpec[] {
	const random = randomFrom(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const flat = LAENDER.filter((l) => !CITY_STATES.includes(l.code)).map((l) => l.code);
	return Array.from({ length: count }, (_, i): PeerSpec => {
		let roll = random();
		const kind = KINDS.find((k) => (roll -= k.share) < 0) ?? KINDS[0]!;
		const first = 0.2 + random() * 0.5;
		return {
			name: `${SEED_PREFIX} ${String(i + 1).padStart(3, '0')}`,
			kind: kind.kind,
			band: random() < 0.05 ? null : pick(kind.bands),
			land: kind.kind === 'stadtstaat_bezirk' ? pick(CITY_STATES) : pick<LandCode>(flat),
			optedIn: random() < 0.85,
			deactivated: random() < 0.02,
			rounds: [first, Math.min(1, first + random() * 0.25)]
		};
	});
}

/**
 * Writes `count` municipalities with two closed rounds each (agreed answers, closed through the
 * real `setStatus`) and the two seed accounts. Returns how many were written (0: already seeded).
 */
export async function seedMany(db: Db, count: number, onProgress?: (done: number) => void): Promise<number> {
	if ((await municipalities.countNamedWithPrefix(db, `${SEED_PREFIX} `)) > 0) return 0;
	// A seed is rebuilt, not recovered: on SQLite skip the per-commit fsync that protects real answers.
	await setSqliteSync(db, 'OFF');
	await storeShippedCatalogues(db);
	const catalogueId = (await catalogues.listCatalogues(db, 0)).find((c) => c.shipped)?.id;
	if (catalogueId === undefined) throw new Error('No shipped catalogue');
	const hash = await hashPassword(SEED_ACCOUNTS.coordinator.password);
	const coordinator = await users.createUser(db, { email: SEED_ACCOUNTS.coordinator.email, name: 'Koordination Vergleich', passwordHash: hash });
	const operator = await users.createUser(db, { email: SEED_ACCOUNTS.operator.email, name: 'Betrieb', passwordHash: hash });
	await users.makeOperator(db, operator.id);
	for (const [i, spec] of seedSpecs(count).entries()) {
		const { municipalityId } = await seedPeer(db, spec, catalogueId, coordinator.id, i + 1);
		await users.addMembership(db, coordinator.id, municipalityId, 'coordinator');
		onProgress?.(i + 1);
	}
	await setSqliteSync(db, 'FULL');
	return count;
}
