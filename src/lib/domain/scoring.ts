import type { Catalogue, CatalogueArea } from '$lib/schemas/catalogue';
import type { Level } from './areas';

/** A text in both languages, as the catalogue holds it. */
export type LocalizedText = Catalogue['title'];

/** One level of a catalogue: its number, name, threshold and optional description. */
export type CatalogueLevel = Catalogue['levels'][number];

/** The result for one area (Handlungsfeld), computed from the agreed answers only. */
export interface AreaScore {
	area: number;
	/** Questions in the area. */
	total: number;
	/** Agreed answers whose scale step carries points; only these count. */
	answered: number;
	/** Agreed "weiß nicht" answers: an information gap, shown, not scored. */
	unknown: number;
	/** Agreed "trifft nicht zu" answers: not this municipality's task, out of the area's total. */
	notApplicable: number;
	/** Share (0–1) of the applicable questions (total − notApplicable) with a scored answer. */
	coverage: number;
	points: number;
	/** 0–100, unrounded; null when the area is not assessable. Round with `formatScore` for display. */
	score: number | null;
	level: Level | null;
	/** False ("nicht bewertbar") when fewer than half of the applicable questions have a counted answer. */
	assessable: boolean;
	/** The score lies within `CLOSE_TO_THRESHOLD` points of a level threshold ("knapp"). */
	close: boolean;
}

/** How near (in percentage points, inclusive) a score may be to a level threshold to count as "knapp". */
export const CLOSE_TO_THRESHOLD = 3;

/**
 * Scores one area from the agreed answers (question id → scale value).
 * Ids outside the area and values outside the scale are ignored: the caller validates input,
 * and ignoring keeps a stale or foreign answer from breaking a whole report.
 * @throws if the catalogue has no area with that number (a programming error, not user input).
 */
export function scoreArea(catalogue: Catalogue, areaNumber: number, agreed: ReadonlyMap<string, string>): AreaScore {
	const area = catalogue.areas.find((a) => a.number === areaNumber);
	if (!area) throw new Error(`Catalogue ${catalogue.id} has no area ${areaNumber}`);
	return scoreOf(catalogue, area, agreed);
}

/** Scores all areas of the catalogue in the official order (by area number). */
export function scoreAssessment(catalogue: Catalogue, agreed: ReadonlyMap<string, string>): AreaScore[] {
	return [...catalogue.areas].sort((a, b) => a.number - b.number).map((area) => scoreOf(catalogue, area, agreed));
}

/**
 * Rounds a score to one decimal for display, halves up (72.25 → 72.3, 1.45 → 1.5).
 * Not `toFixed`: it rounds the binary value, and 1.45 is stored as 1.4499…, giving 1.4.
 */
export function formatScore(score: number): number {
	return Math.round(score * 10) / 10;
}

/**
 * The catalogue's entry for a level (name, threshold, description).
 * @throws if the catalogue lacks the level, which its schema rules out.
 */
export function levelInfo(catalogue: Catalogue, level: Level): CatalogueLevel {
	const info = catalogue.levels.find((l) => l.level === level);
	if (!info) throw new Error(`Catalogue ${catalogue.id} has no level ${level}`);
	return info;
}

/**
 * The catalogue's recommendation ("Anregungen zur Weiterarbeit") for an area at a level.
 * @throws if the catalogue has no area with that number.
 */
export function recommendation(catalogue: Catalogue, areaNumber: number, level: Level): LocalizedText {
	const area = catalogue.areas.find((a) => a.number === areaNumber);
	if (!area) throw new Error(`Catalogue ${catalogue.id} has no area ${areaNumber}`);
	return area.recommendations[`${level}`];
}

function scoreOf(catalogue: Catalogue, area: CatalogueArea, agreed: ReadonlyMap<string, string>): AreaScore {
	const stepByValue = new Map(catalogue.scale.map((step) => [step.value, step]));
	// The best step sets the maximum, so a catalogue may use another scale than 0–3.
	const maxPoints = Math.max(...catalogue.scale.map((step) => step.points ?? 0));

	let answered = 0;
	let unknown = 0;
	let notApplicable = 0;
	let points = 0;
	for (const question of area.questions) {
		const value = agreed.get(question.id);
		const step = value === undefined ? undefined : stepByValue.get(value);
		if (!step) continue;
		if (step.points !== null) {
			answered += 1;
			points += step.points;
		} else if (step.kind === 'notApplicable') {
			notApplicable += 1;
		} else {
			unknown += 1;
		}
	}

	const total = area.questions.length;
	const applicable = total - notApplicable;
	const assessable = answered > 0 && answered * 2 >= applicable;
	// Multiply before dividing so exact thresholds stay exact (9 of 12 points is 75, not 74.999…).
	const score = assessable ? (points * 100) / (maxPoints * answered) : null;
	return {
		area: area.number,
		total,
		answered,
		unknown,
		notApplicable,
		coverage: applicable === 0 ? 0 : answered / applicable,
		points,
		score,
		level: levelFor(catalogue, score),
		assessable,
		close: score !== null && isClose(catalogue, score)
	};
}

/** Within `CLOSE_TO_THRESHOLD` points of a threshold between two levels (the lowest level's 0 is none). */
function isClose(catalogue: Catalogue, score: number): boolean {
	return catalogue.levels.some((l) => l.minScore > 0 && Math.abs(score - l.minScore) <= CLOSE_TO_THRESHOLD);
}

function levelFor(catalogue: Catalogue, score: number | null): Level | null {
	if (score === null) return null;
	const best = [...catalogue.levels].sort((a, b) => a.level - b.level).find((l) => l.minScore <= score);
	return best?.level ?? null;
}
