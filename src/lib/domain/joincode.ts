/** Join codes avoid characters that look alike on a projector or a phone: no 0/O, 1/I/L. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** A new code from a source of random integers in [0, n) (crypto in production, seeded in tests). */
export function generateJoinCode(randomInt: (n: number) => number): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
	return code;
}

/**
 * What a person typed, as a code: upper case, without spaces or dashes. Undefined when it cannot
 * be a code at all (wrong length or characters), so no database lookup is needed.
 */
export function normaliseJoinCode(input: string): string | undefined {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== JOIN_CODE_LENGTH) return undefined;
	for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return undefined;
	return code;
}
