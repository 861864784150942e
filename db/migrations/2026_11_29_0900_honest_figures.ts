import type { Kysely } from 'kysely';

// Frozen in time: never import app types here, never edit after it has shipped.

type Text = { de: string; en: string };
type Step = { value: string; points: number | null; label: Text; kind?: string };

/**
 * "weiß nicht" and "trifft nicht zu" become two answers. A stored scale whose one step without
 * points was the combined "weiß nicht / trifft nicht zu" keeps that step's value as "weiß nicht"
 * (so every stored answer with it now means an information gap) and gains a "trifft nicht zu"
 * step "na". Every other step without points is marked "unknown". Keys stay in the order the
 * catalogue schema writes them, so an upgraded shipped catalogue equals the new file exactly.
 */
export function upgradeScale(scale: Step[]): Step[] {
	const withoutPoints = scale.filter((step) => step.points === null && step.kind === undefined);
	const combined = withoutPoints.length === 1 && /trifft nicht zu/i.test(withoutPoints[0]!.label.de) ? withoutPoints[0] : undefined;
	const upgraded: Step[] = [];
	for (const step of scale) {
		if (step.points !== null || step.kind !== undefined) {
			upgraded.push(step);
			continue;
		}
		const label = step === combined ? { de: 'weiß nicht', en: "don't know" } : step.label;
		upgraded.push({ value: step.value, points: null, label, kind: 'unknown' });
	}
	if (combined && !scale.some((step) => step.value === 'na')) {
		upgraded.push({ value: 'na', points: null, label: { de: 'trifft nicht zu', en: 'not applicable' }, kind: 'notApplicable' });
	}
	return upgraded;
}

export async function up(db: Kysely<any>): Promise<void> {
	const catalogues = await db.selectFrom('catalogue').select(['id', 'content']).execute();
	for (const row of catalogues) {
		const content = JSON.parse(row.content as string);
		content.scale = upgradeScale(content.scale);
		await db.updateTable('catalogue').set({ content: JSON.stringify(content) }).where('id', '=', row.id).execute();
	}

	// A rehearsal (Probe-Workshop) and an archived workshop never become the default for results.
	await db.schema.alterTable('workshop').addColumn('rehearsal', 'integer', (col) => col.notNull().defaultTo(0)).execute();
	await db.schema.alterTable('workshop').addColumn('archived_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('workshop').dropColumn('archived_at').execute();
	await db.schema.alterTable('workshop').dropColumn('rehearsal').execute();
}
