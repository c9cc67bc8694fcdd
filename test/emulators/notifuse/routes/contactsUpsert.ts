import type { EmuRequest, EmuResponse } from '../../common';
import { workspaceAccess, NEED_CONTACTS_WRITE } from '../auth';
import { columnOverflow, parseContact } from '../contactParser';
import { errorResponse, INVALID_BODY, valueTooLong } from '../errors';
import { objectBody, optionalString, type Route, type RouteContext } from './context';

/**
 * POST /api/contacts.upsert — one contact; explicit null clears a field. Every failure after the
 * request decode (auth, permission, database) comes back as 400 with the service's message.
 */
export const contactsUpsert: Route = {
	method: 'POST',
	handle(req: EmuRequest, ctx: RouteContext): EmuResponse {
		const answer = upsert(req, ctx);
		return { ...answer, contacts: 1 };
	},
};

function upsert(req: EmuRequest, ctx: RouteContext): EmuResponse {
	const body = objectBody(req);
	if (!body) return INVALID_BODY();
	const workspaceId = optionalString(body.workspace_id);
	if (workspaceId === false) return INVALID_BODY();
	if (!workspaceId) return errorResponse(400, 'workspace_id is required');
	if (body.contact === undefined || body.contact === null) return errorResponse(400, 'contact field is required');
	const parsed = parseContact(body.contact);
	if (!parsed.ok) return errorResponse(400, `invalid contact: ${parsed.error}`);

	const access = workspaceAccess(ctx.store, ctx.user, workspaceId);
	if ('error' in access) return errorResponse(400, access.error);
	if (!access.permissions.contacts.write) return errorResponse(400, NEED_CONTACTS_WRITE);

	const overflow = columnOverflow(parsed.contact);
	if (overflow !== undefined) {
		return errorResponse(400, `failed to upsert contact: ${valueTooLong(overflow)}`);
	}
	const action = access.workspace.upsertContact(parsed.contact, Date.now());
	return { status: 200, body: { email: parsed.contact.email, action } };
}
