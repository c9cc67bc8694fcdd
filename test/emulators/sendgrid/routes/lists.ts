import type { EmuRequest, EmuResponse } from '../../common';

import type { SendGridContext } from '../context';
import { errorResponse } from '../errors';
import type { StoredList } from '../store';

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

function listView(list: StoredList, baseUrl: string) {
	return {
		id: list.id,
		name: list.name,
		contact_count: list.members.size,
		_metadata: { self: `${baseUrl}/v3/marketing/lists/${list.id}` },
	};
}

// The token is opaque to clients; an offset is enough for an in-memory emulator.
const encodeToken = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
function decodeToken(token: string): number | undefined {
	const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
	return match ? Number(match[1]) : undefined;
}

/** GET /v3/marketing/lists?page_size=&page_token= */
export function getLists(ctx: SendGridContext, req: EmuRequest): EmuResponse {
	const rawSize = req.query.get('page_size');
	const pageSize = rawSize === null ? DEFAULT_PAGE_SIZE : Number(rawSize);
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
		return errorResponse(400, `page_size must be an integer between 1 and ${MAX_PAGE_SIZE}`, 'page_size');
	}
	const token = req.query.get('page_token');
	const offset = token === null ? 0 : decodeToken(token);
	if (offset === undefined) return errorResponse(400, 'invalid page_token', 'page_token');

	const all = [...ctx.store.lists.values()];
	const page = all.slice(offset, offset + pageSize);
	const base = `${ctx.baseUrl()}/v3/marketing/lists`;
	const metadata: Record<string, unknown> = {
		self: token === null ? `${base}?page_size=${pageSize}` : `${base}?page_size=${pageSize}&page_token=${token}`,
		count: all.length,
	};
	if (offset + pageSize < all.length) {
		metadata.next = `${base}?page_size=${pageSize}&page_token=${encodeToken(offset + pageSize)}`;
	}
	if (offset > 0) {
		metadata.prev = `${base}?page_size=${pageSize}&page_token=${encodeToken(Math.max(0, offset - pageSize))}`;
	}
	return { status: 200, body: { result: page.map((l) => listView(l, ctx.baseUrl())), _metadata: metadata } };
}

/** POST /v3/marketing/lists {"name"} → 201 */
export function createList(ctx: SendGridContext, req: EmuRequest): EmuResponse {
	if (req.jsonInvalid) return errorResponse(400, 'invalid JSON in request body');
	const name = (req.json as { name?: unknown } | undefined)?.name;
	if (typeof name !== 'string' || name.length < 1 || name.length > 100) {
		return errorResponse(400, 'name must be between 1 and 100 characters', 'name');
	}
	if (ctx.store.findListByName(name)) return errorResponse(400, 'list name is already in use', 'name');
	return { status: 201, body: listView(ctx.store.addList(name), ctx.baseUrl()) };
}
