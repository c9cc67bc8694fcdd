import type { EmuRequest, EmuResponse } from '../../common';
import { workspaceAccess } from '../auth';
import { errorResponse } from '../errors';
import { MEMBERSHIP_STATUSES, type MembershipStatus, type StoredContact, type Workspace } from '../store';
import { trimUnicodeSpace } from '../text';
import { contactView } from '../views';
import type { Route, RouteContext } from './context';

/** Workspace with contacts read access, or undefined (these handlers hide the reason behind a 500). */
function readableWorkspace(req: EmuRequest, ctx: RouteContext): Workspace | undefined {
	const access = workspaceAccess(ctx.store, ctx.user, req.query.get('workspace_id') ?? '');
	if ('error' in access || !access.permissions.contacts.read) return undefined;
	return access.workspace;
}

/** GET /api/contacts.getByEmail?workspace_id=&email= */
export const contactsGetByEmail: Route = {
	method: 'GET',
	handle(req: EmuRequest, ctx: RouteContext): EmuResponse {
		if (!req.query.get('workspace_id')) return errorResponse(400, 'Missing workspace ID');
		const rawEmail = req.query.get('email');
		if (!rawEmail) return errorResponse(400, 'Missing email');
		const workspace = readableWorkspace(req, ctx);
		if (!workspace) return errorResponse(500, 'Failed to get contact by email');
		const contact = workspace.contacts.get(trimUnicodeSpace(rawEmail).toLowerCase());
		if (!contact) return errorResponse(404, 'Contact not found');
		return { status: 200, body: { contact: contactView(workspace, contact, true) } };
	},
};

/** GET /api/contacts.count?workspace_id= */
export const contactsCount: Route = {
	method: 'GET',
	handle(req: EmuRequest, ctx: RouteContext): EmuResponse {
		if (!req.query.get('workspace_id')) return errorResponse(400, 'workspace_id is required');
		const workspace = readableWorkspace(req, ctx);
		if (!workspace) return errorResponse(500, 'Failed to count contacts');
		return { status: 200, body: { total_contacts: workspace.contacts.size } };
	},
};

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

const encodeCursor = (seq: number) => Buffer.from(`seq:${seq}`).toString('base64url');

function decodeCursor(cursor: string): number | undefined {
	const match = /^seq:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
	return match ? Number(match[1]) : undefined;
}

/**
 * GET /api/contacts.list — newest first, opaque cursor. Filters are ILIKE '%x%' substrings.
 * Its 400s are plain-text http.Error in Notifuse; the shared server only writes JSON, so they
 * come back as `{"error":...}` here.
 */
export const contactsList: Route = {
	method: 'GET',
	handle(req: EmuRequest, ctx: RouteContext): EmuResponse {
		const q = req.query;
		if (!q.get('workspace_id')) return errorResponse(400, 'workspace_id is required');
		let limit = DEFAULT_LIMIT;
		const rawLimit = q.get('limit');
		if (rawLimit) {
			limit = Number(rawLimit);
			if (!Number.isInteger(limit)) return errorResponse(400, 'invalid limit: must be a number');
			if (limit < 1 || limit > MAX_LIMIT) return errorResponse(400, `limit must be between 1 and ${MAX_LIMIT}`);
		}
		let before = Number.POSITIVE_INFINITY;
		const rawCursor = q.get('cursor');
		if (rawCursor) {
			const seq = decodeCursor(rawCursor);
			if (seq === undefined) return errorResponse(400, 'invalid cursor');
			before = seq;
		}
		const status = q.get('contact_list_status') ?? '';
		if (status && !MEMBERSHIP_STATUSES.includes(status as MembershipStatus)) {
			return errorResponse(400, `invalid contact_list_status: ${status}`);
		}
		const workspace = readableWorkspace(req, ctx);
		if (!workspace) return errorResponse(500, 'Failed to list contacts');

		const emailFilter = (q.get('email') ?? '').toLowerCase();
		const listFilter = q.get('list_id') ?? '';
		const matches = (contact: StoredContact) => {
			if (contact.deleted) return false;
			if (emailFilter && !contact.email.includes(emailFilter)) return false;
			if (!listFilter && !status) return true;
			const memberships = workspace.memberships.get(contact.email);
			if (!memberships) return false;
			for (const m of memberships.values()) {
				if (listFilter && !m.listId.toLowerCase().includes(listFilter.toLowerCase())) continue;
				if (status && m.status !== status) continue;
				return true;
			}
			return false;
		};

		const page: StoredContact[] = [];
		let hasMore = false;
		// order[i].seq === i + 1, so the cursor jumps straight to its position.
		for (let i = Math.min(workspace.order.length, before - 1) - 1; i >= 0; i--) {
			const contact = workspace.order[i];
			if (!matches(contact)) continue;
			if (page.length === limit) {
				hasMore = true;
				break;
			}
			page.push(contact);
		}
		const withLists = q.get('with_contact_lists') === 'true';
		const body: Record<string, unknown> = { contacts: page.map((c) => contactView(workspace, c, withLists)) };
		if (hasMore) body.next_cursor = encodeCursor(page[page.length - 1].seq);
		return { status: 200, body };
	},
};
