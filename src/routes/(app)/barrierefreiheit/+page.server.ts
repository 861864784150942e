import { accessibilityStatement } from '$lib/server/platform/accessibility';
import { getApp } from '$lib/server/platform/app';
import type { PageServerLoad } from './$types';

/** Public: BITV 2.0 § 7 wants the statement reachable without an account. */
export const load = (() => ({ statement: accessibilityStatement(getApp().config) })) satisfies PageServerLoad;
