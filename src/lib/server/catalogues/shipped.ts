import { validateCatalogue, type Catalogue } from '$lib/schemas/catalogue';
import type { Db } from '../db';
import * as catalogues from '../db/catalogues';

/** The catalogue files in db/catalogues, bundled with the server build. */
export function shippedCatalogues(): Catalogue[] {
	const files = import.meta.glob<unknown>('/db/catalogues/*.json', { eager: true, import: 'default' });
	return Object.entries(files).map(([path, json]) => {
		const result = validateCatalogue(json);
		if (!result.ok) {
			const list = result.problems.map((p) => `${p.path}: ${p.code}`).join(', ');
			throw new Error(`Shipped catalogue ${path} is invalid: ${list}`);
		}
		return result.catalogue;
	});
}

/** Stores each shipped catalogue version that the database does not have yet. */
export async function storeShippedCatalogues(db: Db): Promise<void> {
	for (const catalogue of shippedCatalogues()) {
		const result = await catalogues.storeCatalogue(db, catalogue, null, null);
		if (result.status === 'conflict') {
			throw new Error(
				`Shipped catalogue ${catalogue.id} ${catalogue.version} differs from the stored one; give it a new version`
			);
		}
	}
}
