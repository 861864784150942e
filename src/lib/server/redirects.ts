/** A same-site path to go back to, or the fallback; never an absolute or protocol-relative URL. */
export function safeRedirectPath(target: string | null | undefined, fallback: string): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback;
	return target;
}
