import type { ParamMatcher } from '@sveltejs/kit';

/** A database id: a positive integer without leading zeros. */
export const match = ((param: string) => /^[1-9]\d{0,15}$/.test(param)) satisfies ParamMatcher;
