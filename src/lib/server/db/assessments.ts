import type { Db } from './index';
import type { Assessment } from './schema';
import { now } from './time';

export interface AssessmentSummary {
	id: number;
	name: string;
	createdAt: string;
	catalogueId: number;
	catalogueTitle: { de: string; en: string };
	catalogueVersion: string;
	questionCount: number;
}

export async function listAssessments(db: Db, municipalityId: number): Promise<AssessmentSummary[]> {
	const rows = await db
		.selectFrom('assessment')
		.innerJoin('catalogue', 'catalogue.id', 'assessment.catalogue_id')
		.select([
			'assessment.id',
			'assessment.name',
			'assessment.created_at',
			'catalogue.id as catalogueId',
			'catalogue.title_de',
			'catalogue.title_en',
			'catalogue.version',
			'catalogue.question_count'
		])
		.where('assessment.municipality_id', '=', municipalityId)
		.orderBy('assessment.created_at', 'desc')
		.orderBy('assessment.id', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		createdAt: r.created_at,
		catalogueId: r.catalogueId,
		catalogueTitle: { de: r.title_de, en: r.title_en },
		catalogueVersion: r.version,
		questionCount: r.question_count
	}));
}

export async function findAssessmentByName(db: Db, municipalityId: number, name: string): Promise<Assessment | undefined> {
	return db
		.selectFrom('assessment')
		.selectAll()
		.where('municipality_id', '=', municipalityId)
		.where('name', '=', name)
		.executeTakeFirst();
}

/** Creates an assessment pinned to the catalogue version it starts with. */
export async function createAssessment(
	db: Db,
	values: { municipalityId: number; name: string; catalogueId: number; createdBy: number | null }
): Promise<Assessment> {
	return db
		.insertInto('assessment')
		.values({
			municipality_id: values.municipalityId,
			name: values.name,
			catalogue_id: values.catalogueId,
			created_by: values.createdBy,
			created_at: now()
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}
