import { z } from 'zod';
import { emailField } from './forms';
import { hasControlChars } from './fields';
import {
	LAND_CODES,
	MUNICIPALITY_KINDS,
	POPULATION_BANDS,
	normaliseAgs,
	profileProblems
} from '../domain/municipality-profile';
import { SORT_KEYS, STAGES } from '../domain/operator-overview';

/*
 * A new municipality as the operator enters it (form and POST /api/municipalities): name, profile
 * and the e-mail address of its first coordinator. Messages are keys of the `errors` messages.
 */
export const municipalityCreateSchema = z
	.object({
		name: z
			.string({ error: 'required' })
			.trim()
			.min(1, { error: 'required' })
			.max(120, { error: 'tooLong' })
			.refine((value) => !hasControlChars(value), { error: 'controlChars' })
			.pipe(z.string().min(2, { error: 'tooShort' })),
		kind: z.enum(MUNICIPALITY_KINDS, { error: 'municipalityKind' }),
		land: z.enum(LAND_CODES, { error: 'land' }),
		populationBand: z.enum(POPULATION_BANDS, { error: 'populationBand' }),
		/** Optional; spaces are dropped ("05 1 14 000"); '' means none. */
		ags: z
			.string({ error: 'agsFormat' })
			.max(20, { error: 'agsFormat' })
			.nullish()
			.transform((value) => normaliseAgs(value)),
		coordinatorEmail: emailField
	})
	.superRefine((value, ctx) => {
		for (const problem of profileProblems(value)) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.code });
	});

export type MunicipalityCreate = z.infer<typeof municipalityCreateSchema>;

/** The operator's overview filters from the address (`?q=&land=&stage=&sort=`); anything unknown is dropped. */
export const overviewQuerySchema = z.object({
	q: z.string().max(120).optional().catch(undefined),
	land: z.enum(LAND_CODES).optional().catch(undefined),
	kind: z.enum(MUNICIPALITY_KINDS).optional().catch(undefined),
	stage: z.enum(STAGES).optional().catch(undefined),
	status: z.enum(['active', 'deactivated', 'all']).optional().catch(undefined),
	sort: z.enum(SORT_KEYS).optional().catch(undefined)
});

export const municipalityTargetSchema = z.object({
	municipalityId: z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).positive({ error: 'invalid' }).max(Number.MAX_SAFE_INTEGER, { error: 'invalid' })
});

/** The operator invites a municipality's first coordinator again. */
export const reinviteSchema = municipalityTargetSchema.extend({ coordinatorEmail: emailField });
