import { error, fail, redirect } from '@sveltejs/kit';
import { statusNoteSchema } from '$lib/schemas/measures';
import { getApp } from '$lib/server/platform/app';
import { requireAssessment } from '$lib/server/http/assessment-access';
import { today } from '$lib/server/platform/clock';
import { parseForm, readForm } from '$lib/server/http/forms';
import { formValues, parseMeasureForm, valuesOf } from '$lib/server/measures/form';
import { addStatusNote, findMeasure, measureHistory, updateMeasure } from '$lib/server/measures/measures';
import { measurePlan } from '$lib/server/measures/plan';
import { Refusal } from '$lib/server/http/refusal';
import type { Actions, PageServerLoad } from './$types';

/** One measure: its gap, the form (coordinators), dated status notes and the full change history. */
export const load = (async ({ locals, params }) => {
	const { assessment, role } = await requireAssessment(getApp().db, locals, params.assessment);
	const { db } = getApp();
	const measure = await findMeasure(db, assessment.id, Number(params.measure));
	if (!measure) error(404, 'notFound');
	const plan = await measurePlan(db, assessment);
	const gapArea = measure.gapArea ?? measure.areas[0]!;
	const gap = role === 'editor' ? null : (plan.areas.find((a) => a.area === gapArea) ?? null);
	return {
		canEdit: role === 'coordinator',
		measure: { ...measure, overdue: plan.measures.find((m) => m.id === measure.id)?.overdue ?? false },
		values: valuesOf(measure),
		gap,
		workshop: plan.workshop,
		today: today(),
		notes: plan.measures.find((m) => m.id === measure.id)?.notes ?? [],
		history: await measureHistory(db, measure.id)
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ locals, params, request }) => {
		const { assessment, userId, municipalityId } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator');
		const form = await readForm(request);
		const parsed = parseMeasureForm(form);
		const values = { ...formValues(form), version: Number(form.get('version')) || undefined };
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const { proposalIds: _links, ...fields } = parsed.data;
		try {
			await updateMeasure(getApp().db, assessment, Number(params.measure), userId, { ...fields, version: values.version });
		} catch (err) {
			if (err instanceof Refusal) return fail(err.status, { values, errors: { form: err.code } as Record<string, string> });
			throw err;
		}
		redirect(303, `/m/${municipalityId}/assessments/${assessment.id}/measures/${params.measure}?saved=measure`);
	},
	note: async ({ locals, params, request }) => {
		const { assessment, userId, municipalityId } = await requireAssessment(getApp().db, locals, params.assessment, 'coordinator');
		const form = await readForm(request);
		const parsed = parseForm(statusNoteSchema, form);
		if (!parsed.ok) return fail(400, { noteValues: parsed.values, noteErrors: parsed.errors });
		try {
			await addStatusNote(getApp().db, assessment, Number(params.measure), userId, parsed.data);
		} catch (err) {
			if (err instanceof Refusal) return fail(err.status, { noteValues: parsed.data, noteErrors: { form: err.code } as Record<string, string> });
			throw err;
		}
		redirect(303, `/m/${municipalityId}/assessments/${assessment.id}/measures/${params.measure}?saved=note#notes`);
	}
} satisfies Actions;
