import { randomUUID } from 'node:crypto';

import type { EmuRequest, EmuResponse } from '../../common';

import type { SendGridContext } from '../context';
import { errorResponse } from '../errors';

/** Longest request line the emulator accepts (414 beyond). SendGrid documents none; 8 KB is a common server default [guess]. */
export const MAX_URL_BYTES = 8192;

/** GET /v3/marketing/lists/{id} (tsg_mc_lists_v3.yaml GetList): the list, or 404. */
export function getList(ctx: SendGridContext, id: string): EmuResponse {
	const list = ctx.store.lists.get(id);
	if (!list) return errorResponse(404, 'list not found');
	return {
		status: 200,
		body: { id: list.id, name: list.name, contact_count: list.members.size, _metadata: { self: `${ctx.baseUrl()}/v3/marketing/lists/${list.id}` } },
	};
}

/**
 * DELETE /v3/marketing/lists/{id}/contacts?contact_ids=a,b (tsg_mc_lists_v3.yaml DeleteContact):
 * contact_ids required (minLength 1) → 400 otherwise; 404 when "the specified list ID does not exist
 * or one or more contact IDs do not exist"; else 202 {job_id}, "the removal is accepted and
 * processing": the memberships go after `jobDelayMs`, the contacts stay ("will not be deleted").
 * Whether the job is readable at /contacts/imports/{id} is not documented: here it is not.
 */
export function removeListMembers(ctx: SendGridContext, req: EmuRequest, id: string): EmuResponse {
	const raw = req.query.get('contact_ids') ?? '';
	const ids = raw.split(',').filter((part) => part !== '');
	const urlBytes = Buffer.byteLength(`${req.path}?${req.query.toString()}`);
	if (urlBytes > MAX_URL_BYTES) return errorResponse(414, 'request URI too long');
	if (ids.length === 0) return errorResponse(400, 'contact_ids is required', 'contact_ids');
	const list = ctx.store.lists.get(id);
	if (!list) return errorResponse(404, 'list not found');
	if (ids.some((contactId) => !ctx.store.contacts.has(contactId))) return { ...errorResponse(404, 'one or more contact IDs do not exist'), contacts: ids.length };
	ctx.jobs.later(() => {
		const current = ctx.store.lists.get(id);
		for (const contactId of ids) {
			current?.members.delete(contactId);
			ctx.store.contacts.get(contactId)?.list_ids.delete(id);
		}
	});
	return { status: 202, body: { job_id: randomUUID() }, contacts: ids.length };
}
