import type { EmuRequest, EmuResponse } from '../../common';
import { workspaceAccess } from '../auth';
import { errorResponse, INVALID_BODY } from '../errors';
import { isEmail } from '../text';
import { objectBody, type Route, type RouteContext } from './context';

/**
 * POST /api/contactLists.removeContact {workspace_id, email, list_id} (Notifuse
 * internal/http/contact_list_handler.go handleRemoveContact, domain/contact_list.go
 * RemoveContactFromListRequest, repository/contact_list_postgres.go RemoveContactFromList):
 * - decode failure → 400 "Invalid request body"; Validate() → 400 "workspace_id is required",
 *   "email is required", "invalid email format: <email>", "list_id is required" (in that order);
 * - the email is not normalised: the SQL matches `email = $2` as sent;
 * - `UPDATE contact_lists SET deleted_at = now WHERE email AND list_id`: no row (not a member, no such
 *   contact or list) → 404 "contact list not found"; a membership removed before still matches (no
 *   deleted_at filter) → 200 again; the contact itself stays;
 * - any other service failure (workspace auth included) → 500 "Failed to remove contact from list".
 */
export const contactListsRemoveContact: Route = {
	method: 'POST',
	handle(req: EmuRequest, ctx: RouteContext): EmuResponse {
		const body = objectBody(req);
		if (!body) return INVALID_BODY();
		const field = (name: string) => body[name];
		for (const name of ['workspace_id', 'email', 'list_id']) {
			const value = field(name);
			if (value !== undefined && value !== null && typeof value !== 'string') return INVALID_BODY();
		}
		const workspaceId = (field('workspace_id') as string | undefined) ?? '';
		const email = (field('email') as string | undefined) ?? '';
		const listId = (field('list_id') as string | undefined) ?? '';
		if (!workspaceId) return errorResponse(400, 'workspace_id is required');
		if (!email) return errorResponse(400, 'email is required');
		if (!isEmail(email)) return errorResponse(400, `invalid email format: ${email}`);
		if (!listId) return errorResponse(400, 'list_id is required');
		const access = workspaceAccess(ctx.store, ctx.user, workspaceId);
		if ('error' in access) return errorResponse(500, 'Failed to remove contact from list');
		const membership = access.workspace.memberships.get(email)?.get(listId);
		if (!membership) return errorResponse(404, 'contact list not found');
		membership.deletedAt = Date.now();
		return { status: 200, body: { success: true }, contacts: 1 };
	},
};
