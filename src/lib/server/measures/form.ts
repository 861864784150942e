import { measureFieldsFromForm, measureInputSchema } from '$lib/schemas/measures';
import type { Measure } from './measures';

/** The form's text values, to show again after a refused save. */
export function formValues(form: FormData) {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value.slice(0, 5000) : '';
	};
	return {
		title: text('title'),
		description: text('description'),
		areas: form.getAll('areas').slice(0, 7).map(Number).filter((n) => n >= 1 && n <= 7),
		questions: text('questions'),
		gapArea: text('gapArea'),
		owner: text('owner'),
		partners: text('partners'),
		budgetKind: text('budgetKind') || 'open',
		budgetAmount: text('budgetAmount'),
		startOn: text('startOn'),
		dueOn: text('dueOn'),
		priority: text('priority') || 'medium',
		status: text('status') || 'planned',
		proposalIds: form.getAll('proposalIds').slice(0, 50).map(Number).filter((n) => Number.isInteger(n) && n > 0)
	};
}

/** A stored measure as form values. */
export function valuesOf(m: Measure) {
	return {
		title: m.title,
		description: m.description,
		areas: m.areas,
		questions: m.questions.join(' '),
		gapArea: m.gapArea === null ? '' : String(m.gapArea),
		owner: m.owner,
		partners: m.partners,
		budgetKind: m.budgetKind,
		budgetAmount: m.budgetAmount === null ? '' : String(m.budgetAmount),
		startOn: m.startOn ?? '',
		dueOn: m.dueOn ?? '',
		priority: m.priority,
		status: m.status,
		proposalIds: m.proposalIds,
		version: m.version
	};
}

/** Validates a measure form: the input, or the first error key per field. */
export function parseMeasureForm(form: FormData) {
	const parsed = measureInputSchema.safeParse(measureFieldsFromForm(form));
	if (parsed.success) return { ok: true as const, data: parsed.data };
	const errors: Record<string, string> = {};
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid';
	}
	return { ok: false as const, errors };
}
