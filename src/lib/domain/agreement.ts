import type { Catalogue } from '$lib/schemas/catalogue';

/** One staff member's answer to a question; `value` null means they left only a comment. */
export interface RaterAnswer {
	userId: number;
	value: string | null;
}

/**
 * The agreed answer that counts for scoring. `automatic`: set by the app because all raters
 * gave the same value; otherwise the coordinator chose it.
 */
export interface AgreedAnswer {
	value: string;
	automatic: boolean;
}

export type AgreementStatus = 'unanswered' | 'agreed' | 'disagreement' | 'resolved';

/** What to do with the stored agreed answer after a rater's answer changed. */
export type AutomaticAgreement = { action: 'keep' } | { action: 'set'; value: string } | { action: 'clear' };

/** How the raters' answers to one question spread over the scale. */
export interface Spread {
	/** Count per scale value, every step of the scale included (0 when nobody chose it). */
	values: Record<string, number>;
	/** Lowest and highest points among answers whose step carries points; null when there are none. */
	min: number | null;
	max: number | null;
}

function givenValues(answers: readonly RaterAnswer[]): Set<string> {
	return new Set(answers.flatMap((a) => (a.value === null ? [] : [a.value])));
}

/** The value all raters who gave one agree on; null when nobody gave a value or they differ. */
export function unanimousValue(answers: readonly RaterAnswer[]): string | null {
	const [first, ...others] = givenValues(answers);
	return first !== undefined && others.length === 0 ? first : null;
}

/**
 * Where a question stands on the way to an agreed answer. A manual agreed answer settles it
 * whatever the raters say later; an automatic one only mirrors their agreement.
 */
export function agreementStatus(answers: readonly RaterAnswer[], agreed: AgreedAnswer | undefined): AgreementStatus {
	if (agreed && !agreed.automatic) return 'resolved';
	const values = givenValues(answers);
	if (values.size > 1) return 'disagreement';
	// An automatic answer left without rater values still counts until it is cleared, so it shows as agreed.
	return values.size === 1 || agreed ? 'agreed' : 'unanswered';
}

/**
 * Keeps the automatic agreed answer in step with the raters. The coordinator's manual choice is
 * never overwritten: they decided deliberately, possibly with a reason.
 */
export function nextAutomaticAgreement(
	answers: readonly RaterAnswer[],
	current: AgreedAnswer | undefined
): AutomaticAgreement {
	if (current && !current.automatic) return { action: 'keep' };
	const value = unanimousValue(answers);
	if (value !== null) return value === current?.value ? { action: 'keep' } : { action: 'set', value };
	return current ? { action: 'clear' } : { action: 'keep' };
}

/**
 * Counts the raters' values per scale step and the range of their points, so the coordinator sees
 * how far apart the answers are. Values outside the scale are not counted.
 */
export function spread(answers: readonly RaterAnswer[], catalogue: Catalogue): Spread {
	const values: Record<string, number> = Object.fromEntries(catalogue.scale.map((step) => [step.value, 0]));
	const pointsByValue = new Map(catalogue.scale.map((step) => [step.value, step.points]));
	const points: number[] = [];
	for (const { value } of answers) {
		if (value === null || !pointsByValue.has(value)) continue;
		values[value] = (values[value] ?? 0) + 1;
		const stepPoints = pointsByValue.get(value);
		if (typeof stepPoints === 'number') points.push(stepPoints);
	}
	return {
		values,
		min: points.length > 0 ? Math.min(...points) : null,
		max: points.length > 0 ? Math.max(...points) : null
	};
}

/**
 * Whether the coordinator must give a reason for choosing `chosenValue`: whenever some rater gave
 * another value — raters who differ among themselves, or a choice that overrides unanimous raters.
 */
export function needsReason(answers: readonly RaterAnswer[], chosenValue: string): boolean {
	return answers.some((a) => a.value !== null && a.value !== chosenValue);
}
