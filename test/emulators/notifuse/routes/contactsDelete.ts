import type { EmuRequest, EmuResponse } from '../../common';
import { workspaceAccess } from '../auth';
import { errorResponse } from '../errors';
import { isEmail } from '../text';
import { objectBody, optionalString, type Route, type RouteContext } from './context';

/**
 * POST /api/contacts.delete {workspace_id, email} (internal/http/contact_handler.go handleDelete;
 * internal/domain/contact.go DeleteContactRequest.Validate): 400 `workspace_id is required` /
 * `email is required` / `invalid email format` (govalidator, no normalisation), 404
 * `Contact not found`, 200 `{"success":true}`. Access failures surface as the handler's fallback
 * 500 `Failed to delete contact`, like the other contact routes of this emulator.
 */
export const contactsDelete: Route = {
	method: 'POST',
	handle(req: EmuRequest, ctx: RouteContext): EmuResponse {
		const body = objectBody(req);
		if (!body) return errorResponse(400, 'Invalid request body');
		const workspaceId = optionalString(body.workspace_id);
		const email = optionalString(body.email);
		if (workspaceId === false || email === false) return errorResponse(400, 'Invalid request body');
		if (!workspaceId) return errorResponse(400, 'workspace_id is required');
		if (!email) return errorResponse(400, 'email is required');
		if (!isEmail(email)) return errorResponse(400, 'invalid email format');
		const access = workspaceAccess(ctx.store, ctx.user, workspaceId);
		if ('error' in access || !access.permissions.contacts.write) return errorResponse(500, 'Failed to delete contact');
		if (!access.workspace.deleteContact(email.toLowerCase())) return errorResponse(404, 'Contact not found');
		return { status: 200, body: { success: true } };
	},
};
