import { requireOperator } from '$lib/server/operator/operator';
import type { LayoutServerLoad } from './$types';

/** Operator pages only; every action checks again (a layout load does not run for actions). */
export const load = (({ locals }) => {
	requireOperator(locals);
	return {};
}) satisfies LayoutServerLoad;
