import type { EmuRequest, EmuResponse } from '../../common';
import { workspaceAccess, NEED_LISTS_READ, NEED_LISTS_WRITE } from '../auth';
import { columnOverflow, parseContact } from '../contactParser';
import { errorResponse, INVALID_BODY, valueTooLong } from '../errors';
import { listView } from '../views';
import { objectBody, optionalString, type Route, type RouteContext } from './context';

/** GET /api/lists.list?workspace_id= */
export const listsList: Route = {
	method: 'GET',
	handle(req: EmuRequest, ctx: RouteContext): EmuResponse {
		const workspaceId = req.query.get('workspace_id') ?? '';
		if (!workspaceId) return errorResponse(400, 'invalid get lists request: workspace_id is required');
		if (workspaceId.length > 20) {
			return errorResponse(400, 'invalid get lists request: workspace_id length must be between 1 and 20');
		}
		const access = workspaceAccess(ctx.store, ctx.user, workspaceId);
		if ('error' in access || !access.permissions.lists.read) return errorResponse(500, 'Failed to get lists');
		return { status: 200, body: { lists: [...access.workspace.lists.values()].map(listView) } };
	},
};

/**
 * POST /api/lists.subscribe {workspace_id, contact, list_ids} — upserts one contact and subscribes
 * it: `pending` on double opt-in lists, `active` otherwise (an explicit subscribe, unlike import,
 * also revives unsubscribed members). Failures are 400 with the service message.
 */
export const listsSubscribe: Route = {
	method: 'POST',
	handle(req: EmuRequest, ctx: RouteContext): EmuResponse {
		const body = objectBody(req);
		if (!body) return INVALID_BODY();
		const workspaceId = optionalString(body.workspace_id);
		const listIds = body.list_ids;
		if (workspaceId === false) return INVALID_BODY();
		if (listIds !== undefined && listIds !== null && (!Array.isArray(listIds) || listIds.some((l) => typeof l !== 'string'))) {
			return INVALID_BODY();
		}
		if (!workspaceId) return errorResponse(400, 'workspace_id is required');
		if (body.contact === undefined || body.contact === null) return errorResponse(400, 'contact is required');
		const ids = (listIds ?? []) as string[];
		if (ids.length === 0) return errorResponse(400, 'list_ids is required');
		const parsed = parseContact(body.contact);
		if (!parsed.ok) return errorResponse(400, `invalid contact: ${parsed.error}`);

		const access = workspaceAccess(ctx.store, ctx.user, workspaceId);
		if ('error' in access) return errorResponse(400, access.error);
		if (!access.permissions.lists.write) return errorResponse(400, NEED_LISTS_WRITE);
		if (!access.permissions.lists.read) return errorResponse(400, NEED_LISTS_READ);
		const { workspace } = access;
		const unknown = ids.find((id) => !workspace.lists.has(id));
		if (unknown !== undefined) return errorResponse(400, `list not found: ${unknown}`);
		const overflow = columnOverflow(parsed.contact);
		if (overflow !== undefined) return errorResponse(400, `failed to upsert contact: ${valueTooLong(overflow)}`);

		const now = Date.now();
		workspace.upsertContact(parsed.contact, now);
		workspace.subscribe(parsed.contact.email, ids, now);
		return { status: 200, body: { success: true }, contacts: 1 };
	},
};
