/**
 * Upload limits. The app's own limit for a catalogue file sits well below the server's
 * BODY_SIZE_LIMIT (adapter-node, default only 512K), so every file up to the app's limit
 * arrives and anything larger gets the app's "file too large" message (see README).
 */
export const MAX_CATALOGUE_BYTES = 2 * 1024 * 1024;

/** What `npm start` and the e2e tests set; README recommends it for `node build`. */
export const RECOMMENDED_BODY_SIZE_LIMIT = '4M';

/** adapter-node's reading of BODY_SIZE_LIMIT: a number of bytes with an optional K, M or G. */
export function parseBytes(value: string): number {
	const multiplier = ({ K: 1024, M: 1024 ** 2, G: 1024 ** 3 } as Record<string, number>)[value.at(-1)?.toUpperCase() ?? ''];
	return multiplier ? Number(value.slice(0, -1)) * multiplier : Number(value);
}

/**
 * A warning when BODY_SIZE_LIMIT would refuse catalogue files the app accepts (multipart adds
 * a little, hence the margin); null when it is fine.
 */
export function bodySizeLimitWarning(value: string | undefined): string | null {
	const limit = parseBytes(value ?? '512K');
	if (limit >= MAX_CATALOGUE_BYTES + 64 * 1024) return null;
	return `BODY_SIZE_LIMIT=${value ?? '512K (Standard)'} ist kleiner als die Obergrenze für Katalogdateien (2 MB): größere Kataloge werden abgelehnt. Empfohlen: BODY_SIZE_LIMIT=${RECOMMENDED_BODY_SIZE_LIMIT}.`;
}
