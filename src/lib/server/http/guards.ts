import { error } from '@sveltejs/kit';
import type { Role } from '../db/schema';

/**
 * The checked membership of the current request (set by the access hook) if its role is allowed;
 * otherwise 403. Call it in every load and action that is not open to every role.
 */
export function requireRole(locals: App.Locals, ...roles: Role[]) {
	const membership = locals.membership;
	const user = locals.user;
	if (!membership || !user) error(404, 'notFound');
	if (roles.length > 0 && !roles.includes(membership.role)) error(403, 'forbidden');
	return { ...membership, userId: user.id };
}
