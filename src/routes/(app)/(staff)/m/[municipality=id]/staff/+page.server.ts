import { fail } from '@sveltejs/kit';
import { deactivateMember, resetToOneTimePassword } from '$lib/server/accounts/account';
import { getApp } from '$lib/server/platform/app';
import * as memberships from '$lib/server/accounts/memberships';
import { parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import * as invitations from '$lib/server/accounts/invitations';
import { Refusal } from '$lib/server/http/refusal';
import { invitationTargetSchema, staffInviteSchema, staffRoleSchema, staffTargetSchema } from '$lib/schemas/forms';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const { municipalityId, userId } = requireRole(locals, 'coordinator');
	const { db } = getApp();
	return {
		staff: await memberships.staffOf(db, municipalityId),
		invitations: await invitations.listPendingInvitations(db, municipalityId),
		self: userId
	};
}) satisfies PageServerLoad;

/** The staff member an action targets: must belong to this municipality and not be the actor. */
async function findTarget(locals: App.Locals, form: FormData) {
	const { municipalityId, userId } = requireRole(locals, 'coordinator');
	const parsed = parseForm(staffTargetSchema, form);
	if (!parsed.ok) return { problem: fail(400, { action: 'target', error: 'unknownStaff' as const }) };
	const target = await memberships.findStaffMember(getApp().db, municipalityId, parsed.data.userId);
	if (!target) return { problem: fail(404, { action: 'target', error: 'unknownStaff' as const }) };
	if (target.id === userId) return { problem: fail(400, { action: 'target', error: 'notYourself' as const }) };
	return { target, municipalityId, userId };
}

export const actions = {
	/**
	 * Invites an address to a role. The answer is the same whether the address has an account or not
	 * and never shows anyone's name: a person from another municipality is not revealed.
	 */
	invite: async ({ locals, request, url }) => {
		const { municipalityId, userId } = requireRole(locals, 'coordinator');
		const { db, config } = getApp();
		const parsed = parseForm(staffInviteSchema, await readForm(request));
		if (!parsed.ok) return fail(400, { action: 'invite', values: parsed.values, errors: parsed.errors });
		try {
			const created = await invitations.createInvitation(db, { municipalityId, ...parsed.data, invitedBy: userId });
			const link = new URL(`/invitation/${created.token}`, config.ORIGIN ?? url.origin).href;
			return { action: 'invite', invited: { email: created.email, link, days: invitations.INVITATION_DAYS } };
		} catch (err) {
			if (err instanceof Refusal) return fail(err.status, { action: 'invite', values: parsed.data, errors: { email: err.code } });
			throw err;
		}
	},

	revokeInvitation: async ({ locals, request }) => {
		const { municipalityId } = requireRole(locals, 'coordinator');
		const { db } = getApp();
		const parsed = parseForm(invitationTargetSchema, await readForm(request));
		const pending = await invitations.listPendingInvitations(db, municipalityId);
		const target = parsed.ok ? pending.find((i) => i.id === parsed.data.invitationId) : undefined;
		if (!target || !(await invitations.revokeInvitation(db, municipalityId, target.id))) {
			return fail(404, { action: 'target', error: 'invitationInvalid' as const });
		}
		return { action: 'revokeInvitation', revoked: target.email };
	},

	deactivate: async ({ locals, request }) => {
		const found = await findTarget(locals, await readForm(request));
		if (found.problem) return found.problem;
		await deactivateMember(getApp().db, found.municipalityId, found.target.id);
		return { action: 'deactivate', name: found.target.name };
	},

	activate: async ({ locals, request }) => {
		const found = await findTarget(locals, await readForm(request));
		if (found.problem) return found.problem;
		await memberships.reactivateMember(getApp().db, found.municipalityId, found.target.id);
		return { action: 'activate', name: found.target.name };
	},

	role: async ({ locals, request }) => {
		const form = await readForm(request);
		const found = await findTarget(locals, form);
		if (found.problem) return found.problem;
		const parsed = parseForm(staffRoleSchema, form);
		if (!parsed.ok) return fail(400, { action: 'target', error: 'role' as const });
		await memberships.setMemberRole(getApp().db, found.municipalityId, found.target.id, parsed.data.role);
		return { action: 'role', name: found.target.name };
	},

	resetPassword: async ({ locals, request }) => {
		const found = await findTarget(locals, await readForm(request));
		if (found.problem) return found.problem;
		const { db } = getApp();
		// Resetting an account that also works elsewhere would open that other municipality's data.
		if (await memberships.worksOutsideCoordinationOf(db, found.target.id, found.userId)) {
			return fail(403, { action: 'target', error: 'resetElsewhere' as const });
		}
		const password = await resetToOneTimePassword(db, found.target.id);
		return { action: 'resetPassword', reset: { name: found.target.name, email: found.target.email, password } };
	}
} satisfies Actions;
