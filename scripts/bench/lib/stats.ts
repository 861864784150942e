/** Nearest-rank percentile (`p` from 0 to 100); null for no samples. */
export function percentile(samples: number[], p: number): number | null {
	if (samples.length === 0) return null;
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** One decimal; null stays null (and so does what is not a finite number). */
export const round1 = (value: number | null): number | null => (value === null || !Number.isFinite(value) ? null : Math.round(value * 10) / 10);

/** For tables: one decimal and a unit, "–" for none. */
export const fmt = (value: number | null, unit = ''): string => (value === null ? '–' : `${round1(value)}${unit}`);

/** For tables: two decimals and a unit, "–" for none. */
export const fmt2 = (value: number | null, unit = ''): string => (value === null || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}${unit}`);
