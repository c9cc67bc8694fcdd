import type { EmuResponse } from '../../common';
import type { Route, RouteContext } from '../context';
import { DEFAULTS } from '../defaults';
import { notFound, ok, validationFailed, type FieldError } from '../errors';
import type { ContactRecord } from '../store';
import { checkEmail, isPlainObject } from '../validation';

/**
 * `POST /v1/contact-lists/{id}/contacts/remove {emails|contactIds}` (providers.md §1.2, S2: the Convex
 * SDK's call). The body rule (exactly one of emails / contactIds) is bulk-add's (seed 002); the answer
 * is not documented anywhere and comes in the readings of `listRemoveAnswer`. State: a removed member
 * leaves the list, the contact stays.
 */
function parse(ctx: RouteContext) {
	const body = ctx.req.json;
	const max = ctx.options.maxListRemoveItems;
	if (!isPlainObject(body)) return { error: validationFailed([{ field: 'emails', message: 'Provide either emails or contactIds' }]) };
	const details: FieldError[] = [];
	const hasEmails = body.emails !== undefined;
	if (hasEmails === (body.contactIds !== undefined)) {
		details.push({ field: hasEmails ? 'contactIds' : 'emails', message: 'Provide either emails or contactIds, not both' });
	}
	const field = hasEmails ? 'emails' : 'contactIds';
	const items = body[field];
	if (!Array.isArray(items) || items.some((item) => typeof item !== 'string')) details.push({ field, message: `${field} must be an array of strings` });
	else if (items.length < 1 || items.length > max) details.push({ field, message: `${field} must contain between 1 and ${max} items` });
	const count = Array.isArray(items) ? items.length : 0;
	if (details.length > 0) return { error: { ...validationFailed(details), contacts: count } };
	if (ctx.params.id === DEFAULTS.globalListId) {
		return { error: { ...validationFailed([{ field: 'contactListId', message: 'Contacts cannot be removed from All Contacts' }]), contacts: count } };
	}
	const list = ctx.store.lists.get(ctx.params.id);
	if (!list) return { error: { ...notFound(`Contact list not found: ${ctx.params.id}`), contacts: count } };
	if (list.type === 'segment') {
		return { error: { ...validationFailed([{ field: 'contactListId', message: 'Contacts cannot be removed from a segment' }]), contacts: count } };
	}
	return { list, field, items: items as string[] };
}

function listRemove(ctx: RouteContext): EmuResponse {
	const parsed = parse(ctx);
	if ('error' in parsed) return parsed.error as EmuResponse;
	const { list, field, items } = parsed;
	const store = ctx.store;
	const removed: ContactRecord[] = [];
	const notInList: string[] = [];
	const missing: string[] = [];
	const invalid: unknown[] = [];
	const seen = new Set<string>();
	for (const raw of items) {
		let contact: ContactRecord | undefined;
		let key = raw;
		if (field === 'contactIds') contact = store.contactsById.get(raw);
		else {
			const checked = checkEmail(raw, ctx.options.maxEmailLength);
			if ('error' in checked) {
				invalid.push({ email: raw, status: 'invalid', reason: checked.error });
				continue;
			}
			key = checked.email;
			contact = store.findContact(key);
		}
		if (seen.has(key)) continue;
		seen.add(key);
		if (!contact) missing.push(key);
		else if (store.removeFromList(list.id, contact)) removed.push(contact);
		else notInList.push(contact.email);
	}
	if (removed.length > 0) list.updatedAt = new Date().toISOString();
	const reading = ctx.options.listRemoveAnswer;
	const data =
		reading === 'bare'
			? undefined
			: reading === 'counts'
				? { removed: removed.length, totalContactsInList: list.members.size }
				: {
						removed: removed.length,
						notInList,
						notFound: missing,
						errors: [],
						validation: { invalid },
						totalContactsInList: list.members.size,
						contacts: removed.map((c) => ({ id: c.id, email: c.email })),
					};
	return { ...ok(data, 200, 'Contacts removed from list'), contacts: items.length };
}

export const listRemoveRoutes: Route[] = [{ method: 'POST', pattern: '/contact-lists/:id/contacts/remove', writes: true, handle: listRemove }];
