/**
 * A same-origin path to send a person back to after login or a language switch, or `fallback`.
 *
 * Accepted: a path that starts with exactly one `/`, has no control characters (browsers drop tabs
 * and line breaks, so `/\t/evil.example` becomes `//evil.example`; a line break in a Location header
 * makes the response fail), no backslash (browsers read `\` as `/`) and no `//` anywhere (so no
 * protocol-relative URL can hide behind a later normalisation). Everything else gives `fallback`.
 */
export function safeRedirectPath(target: string | null | undefined, fallback: string): string {
	if (typeof target !== 'string' || target.length === 0 || target.length > 2000) return fallback;
	if (target[0] !== '/') return fallback;
	// C0 controls, DEL and the C1 range; also Unicode line and paragraph separators.
	if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(target)) return fallback;
	if (target.includes('\\') || target.includes('//')) return fallback;
	// Percent-encoded forms of the same tricks (a later decode would turn them back).
	if (/%(?:0[0-9a-f]|1[0-9a-f]|7f|5c)/i.test(target) || /\/%2f|%2f\//i.test(target)) return fallback;
	return target;
}
