import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import * as users from '$lib/server/db/users';
import { parseForm, readForm } from '$lib/server/forms';
import { requireRole } from '$lib/server/guards';
import { generatePassword, hashPassword } from '$lib/server/passwords';
import { invalidateUserSessions } from '$lib/server/sessions';
import { staffCreateSchema, staffRoleSchema, staffTargetSchema } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const { municipalityId, userId } = requireRole(locals, 'coordinator');
	return { staff: await users.listStaff(getApp().db, municipalityId), self: userId };
}) satisfies PageServerLoad;

/** The staff member an action targets: must belong to this municipality and not be the actor. */
async function findTarget(locals: App.Locals, form: FormData) {
	const { municipalityId, userId } = requireRole(locals, 'coordinator');
	const parsed = parseForm(staffTargetSchema, form);
	if (!parsed.ok) return { problem: fail(400, { action: 'target', error: 'unknownStaff' as const }) };
	const target = await users.findStaffMember(getApp().db, municipalityId, parsed.data.userId);
	if (!target) return { problem: fail(404, { action: 'target', error: 'unknownStaff' as const }) };
	if (target.id === userId) return { problem: fail(400, { action: 'target', error: 'notYourself' as const }) };
	return { target, municipalityId, userId };
}

export const actions = {
	create: async ({ locals, request }) => {
		const { municipalityId } = requireRole(locals, 'coordinator');
		const { db } = getApp();
		const parsed = parseForm(staffCreateSchema, await readForm(request));
		if (!parsed.ok) return fail(400, { action: 'create', values: parsed.values, errors: parsed.errors });
		const { name, email, role } = parsed.data;

		const existing = await users.findUserByEmail(db, email);
		if (existing) {
			if (await users.findStaffMember(db, municipalityId, existing.id)) {
				return fail(400, { action: 'create', values: { name, email, role }, errors: { email: 'alreadyMember' } });
			}
			// A person can work for several municipalities with one account and one password.
			await users.addMembership(db, existing.id, municipalityId, role);
			return { action: 'create', added: { name: existing.name, email: existing.email } };
		}
		const password = generatePassword();
		const passwordHash = await hashPassword(password);
		await db.transaction().execute(async (trx) => {
			const user = await users.createUser(trx, { email, name, passwordHash });
			await users.addMembership(trx, user.id, municipalityId, role);
		});
		return { action: 'create', created: { name, email: users.normaliseEmail(email), password } };
	},

	deactivate: async ({ locals, request }) => {
		const found = await findTarget(locals, await readForm(request));
		if (found.problem) return found.problem;
		await users.setMembershipActive(getApp().db, found.municipalityId, found.target.id, false);
		return { action: 'deactivate', name: found.target.name };
	},

	activate: async ({ locals, request }) => {
		const found = await findTarget(locals, await readForm(request));
		if (found.problem) return found.problem;
		await users.setMembershipActive(getApp().db, found.municipalityId, found.target.id, true);
		return { action: 'activate', name: found.target.name };
	},

	role: async ({ locals, request }) => {
		const form = await readForm(request);
		const found = await findTarget(locals, form);
		if (found.problem) return found.problem;
		const parsed = parseForm(staffRoleSchema, form);
		if (!parsed.ok) return fail(400, { action: 'target', error: 'role' as const });
		await users.setMembershipRole(getApp().db, found.municipalityId, found.target.id, parsed.data.role);
		return { action: 'role', name: found.target.name };
	},

	resetPassword: async ({ locals, request }) => {
		const found = await findTarget(locals, await readForm(request));
		if (found.problem) return found.problem;
		const { db } = getApp();
		// Resetting an account that also works elsewhere would open that other municipality's data.
		if ((await users.municipalitiesOutsideCoordination(db, found.target.id, found.userId)) > 0) {
			return fail(403, { action: 'target', error: 'resetElsewhere' as const });
		}
		const password = generatePassword();
		await users.setPasswordHash(db, found.target.id, await hashPassword(password));
		await invalidateUserSessions(db, found.target.id);
		return { action: 'resetPassword', reset: { name: found.target.name, email: found.target.email, password } };
	}
} satisfies Actions;
