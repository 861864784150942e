import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect';

describe('safeRedirectPath', () => {
	it('keeps same-origin paths with query and fragment', () => {
		expect(safeRedirectPath('/m', '/')).toBe('/m');
		expect(safeRedirectPath('/m/1/assessments/2?tab=a&x=%20b#frag', '/')).toBe('/m/1/assessments/2?tab=a&x=%20b#frag');
		expect(safeRedirectPath('/', '/m')).toBe('/');
	});

	it('falls back for empty, absolute and relative targets', () => {
		for (const target of [null, undefined, '', 'm', 'https://evil.example/', 'http:/evil.example', 'javascript:alert(1)', ' /m']) {
			expect(safeRedirectPath(target, '/fallback')).toBe('/fallback');
		}
	});

	it('refuses protocol-relative and backslash forms', () => {
		for (const target of ['//evil.example', '/\\evil.example', '/\\/evil.example', '/m//evil', '\\\\evil.example', '/%2F/evil.example', '/%5Cevil.example']) {
			expect(safeRedirectPath(target, '/')).toBe('/');
		}
	});

	it('refuses control characters that browsers strip or that break the Location header', () => {
		for (const target of ['/\t/evil.example', '/\n/evil.example', '/\r/evil.example', '/m\r\nSet-Cookie: x=1', '/\u0000', '/\u007f', '/a\u2028b', '/%09/evil.example', '/%0d%0a']) {
			expect(safeRedirectPath(target, '/')).toBe('/');
		}
	});

	it('refuses overlong targets', () => {
		expect(safeRedirectPath('/' + 'a'.repeat(2001), '/')).toBe('/');
	});
});
