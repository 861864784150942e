import type { ParamMatcher } from '@sveltejs/kit';

/** An area (Handlungsfeld) number, 1–7. */
export const match = ((param: string) => /^[1-7]$/.test(param)) satisfies ParamMatcher;
