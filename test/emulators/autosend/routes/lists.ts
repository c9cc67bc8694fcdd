import type { EmuResponse } from '../../common';
import type { Route, RouteContext } from '../context';
import { DEFAULTS } from '../defaults';
import { fail, notFound, ok, validationFailed, type FieldError } from '../errors';
import type { ContactRecord } from '../store';
import { checkEmail, isPlainObject } from '../validation';
import { bulkAddContactView, contactView, globalListView, listView } from '../views';

const MAX_LIST_NAME = 200;
const MAX_LIST_DESCRIPTION = 500;

function listAll(ctx: RouteContext): EmuResponse {
	const type = ctx.req.query.get('type');
	if (type !== null && type !== 'list' && type !== 'segment') {
		return validationFailed([{ field: 'type', message: 'type must be one of: list, segment' }]);
	}
	const lists: unknown[] = type === 'segment' ? [] : [globalListView(ctx.store)];
	for (const list of ctx.store.lists.values()) {
		if (type === null || list.type === type) lists.push(listView(list));
	}
	return ok({ lists });
}

function getOne(ctx: RouteContext): EmuResponse {
	if (ctx.params.id === DEFAULTS.globalListId) return ok(globalListView(ctx.store));
	const list = ctx.store.lists.get(ctx.params.id);
	return list ? ok(listView(list)) : notFound('Contact list not found');
}

function create(ctx: RouteContext): EmuResponse {
	const body = ctx.req.json;
	if (!isPlainObject(body)) return validationFailed([{ field: 'body', message: 'Body must be an object' }]);
	const details: FieldError[] = [];
	const { name, description, filterCriteria } = body;
	const type = body.type ?? 'list';
	if (typeof name !== 'string' || name.trim() === '') details.push({ field: 'name', message: 'name is required' });
	else if (name.length > MAX_LIST_NAME) {
		details.push({ field: 'name', message: `name must be at most ${MAX_LIST_NAME} characters` });
	}
	if (description !== undefined && typeof description !== 'string') {
		details.push({ field: 'description', message: 'description must be a string' });
	} else if (typeof description === 'string' && description.length > MAX_LIST_DESCRIPTION) {
		details.push({ field: 'description', message: `description must be at most ${MAX_LIST_DESCRIPTION} characters` });
	}
	if (type !== 'list' && type !== 'segment') details.push({ field: 'type', message: 'type must be one of: list, segment' });
	if (type === 'segment' && !isPlainObject(filterCriteria)) {
		details.push({ field: 'filterCriteria', message: 'filterCriteria is required for segments' });
	}
	if (details.length > 0) return validationFailed(details);
	const listName = (name as string).trim();
	if (ctx.store.findListByName(listName)) {
		return fail(409, 'CONFLICT', 'A contact list with this name already exists');
	}
	const list = ctx.store.createList({
		name: listName,
		description: description as string | undefined,
		type: type as 'list' | 'segment',
		filterCriteria: type === 'segment' ? filterCriteria : undefined,
	});
	return ok(listView(list), 201, 'Contact list created successfully');
}

function positiveInt(value: unknown, fallback: number): number | undefined {
	if (value === undefined || value === null) return fallback;
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}

function contactsInList(ctx: RouteContext): EmuResponse {
	const body = ctx.req.json;
	if (!isPlainObject(body)) return validationFailed([{ field: 'contactListId', message: 'contactListId is required' }]);
	const details: FieldError[] = [];
	const page = positiveInt(body.page, 1);
	const limit = positiveInt(body.limit, 20);
	if (typeof body.contactListId !== 'string' || !body.contactListId) {
		details.push({ field: 'contactListId', message: 'contactListId is required' });
	}
	if (page === undefined || page < 1) details.push({ field: 'page', message: 'page must be an integer >= 1' });
	if (limit === undefined || limit < 1 || limit > 100) {
		details.push({ field: 'limit', message: 'limit must be an integer between 1 and 100' });
	}
	if (body.email !== undefined && typeof body.email !== 'string') {
		details.push({ field: 'email', message: 'email must be a string' });
	}
	if (details.length > 0) return validationFailed(details);
	const listId = body.contactListId as string;
	let members: Iterable<ContactRecord>;
	if (listId === DEFAULTS.globalListId) members = ctx.store.contactsByEmail.values();
	else {
		const list = ctx.store.lists.get(listId);
		if (!list) return notFound('Contact list not found');
		members = [...list.members].map((id) => ctx.store.contactsById.get(id)!);
	}
	const needle = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
	const start = (page! - 1) * limit!;
	const contacts: unknown[] = [];
	let total = 0;
	for (const contact of members) {
		if (needle && !contact.email.includes(needle)) continue;
		if (total >= start && contacts.length < limit!) contacts.push(contactView(contact, ctx.store.projectId));
		total++;
	}
	return ok({ contacts, pagination: { page, limit, total, pages: Math.ceil(total / limit!) } });
}

/** Checks the bulk-add body; returns the list and exactly one of emails / contactIds. */
function parseBulkAdd(ctx: RouteContext) {
	const body = ctx.req.json;
	const max = ctx.options.maxBulkAddItems;
	if (!isPlainObject(body)) return { error: validationFailed([{ field: 'contactListId', message: 'contactListId is required' }]) };
	const details: FieldError[] = [];
	if (typeof body.contactListId !== 'string' || !body.contactListId) {
		details.push({ field: 'contactListId', message: 'contactListId is required' });
	}
	const hasEmails = body.emails !== undefined;
	const hasIds = body.contactIds !== undefined;
	if (hasEmails === hasIds) {
		details.push({ field: hasEmails ? 'contactIds' : 'emails', message: 'Provide either emails or contactIds, not both' });
	}
	const field = hasEmails ? 'emails' : 'contactIds';
	const items = body[field];
	if (hasEmails !== hasIds) {
		if (!Array.isArray(items) || items.some((item) => typeof item !== 'string')) {
			details.push({ field, message: `${field} must be an array of strings` });
		} else if (items.length < 1 || items.length > max) {
			details.push({ field, message: `${field} must contain between 1 and ${max} items` });
		}
	}
	const count = Array.isArray(items) ? items.length : 0;
	if (details.length > 0) return { error: { ...validationFailed(details), contacts: count } };
	const listId = body.contactListId as string;
	const list = ctx.store.lists.get(listId);
	if (!list) return { error: { ...notFound(`Contact list not found: ${listId}`), contacts: count } };
	if (list.type === 'segment') {
		const segmentError = validationFailed([{ field: 'contactListId', message: 'Contacts cannot be added to a segment' }]);
		return { error: { ...segmentError, contacts: count } };
	}
	return { list, field, items: items as string[] };
}

function bulkAdd(ctx: RouteContext): EmuResponse {
	const parsed = parseBulkAdd(ctx);
	if ('error' in parsed) return parsed.error as EmuResponse;
	const { list, field, items } = parsed;
	const store = ctx.store;
	const now = new Date().toISOString();
	const valid: unknown[] = [];
	const invalid: unknown[] = [];
	const suppressed: unknown[] = [];
	const errors: unknown[] = [];
	const touched: ContactRecord[] = [];
	let added = 0;
	let created = 0;
	let alreadyInList = 0;
	const seen = new Set<string>();

	const addExisting = (contact: ContactRecord) => {
		if (store.addToList(list.id, contact)) {
			contact.updatedAt = now;
			added++;
			touched.push(contact);
		} else alreadyInList++;
	};

	for (const raw of items) {
		if (field === 'contactIds') {
			const contact = store.contactsById.get(raw);
			if (!contact) {
				errors.push({ contactId: raw, error: 'Contact not found' });
				continue;
			}
			if (seen.has(contact.email)) continue;
			seen.add(contact.email);
			if (store.suppressed.has(contact.email)) suppressed.push({ email: contact.email, status: 'suppressed' });
			else {
				valid.push({ email: contact.email, status: 'valid' });
				addExisting(contact);
			}
			continue;
		}
		const checked = checkEmail(raw, ctx.options.maxEmailLength);
		if ('error' in checked) {
			invalid.push({ email: raw, status: 'invalid', reason: checked.error });
			continue;
		}
		const email = checked.email;
		// The same address twice in one call is handled once.
		if (seen.has(email)) continue;
		seen.add(email);
		if (store.suppressed.has(email)) {
			suppressed.push({ email, status: 'suppressed' });
			continue;
		}
		valid.push({ email, status: 'valid' });
		const existing = store.findContact(email);
		if (existing) addExisting(existing);
		else {
			const { contact } = store.upsertContact({ email, listIds: [list.id] }, now);
			created++;
			touched.push(contact);
		}
	}
	if (added + created > 0) list.updatedAt = now;
	return {
		...ok(
			{
				added,
				created,
				alreadyInList,
				errors,
				validation: { valid, invalid, suppressed },
				totalContactsInList: list.members.size,
				contacts: touched.map((contact) => bulkAddContactView(contact, store.projectId)),
			},
			200,
			'Contacts added to list',
		),
		contacts: items.length,
	};
}

export const listRoutes: Route[] = [
	{ method: 'GET', pattern: '/contact-lists', writes: false, handle: listAll },
	{ method: 'POST', pattern: '/contact-lists', writes: true, handle: create },
	{ method: 'POST', pattern: '/contact-lists/contacts/search', writes: false, handle: contactsInList },
	{ method: 'POST', pattern: '/contact-lists/contacts/bulk-add', writes: true, handle: bulkAdd },
	{ method: 'GET', pattern: '/contact-lists/:id', writes: false, handle: getOne },
];
