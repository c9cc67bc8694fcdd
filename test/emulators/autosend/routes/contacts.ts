import type { EmuResponse } from '../../common';
import type { RouteContext, Route } from '../context';
import { fail, notFound, ok, validationFailed, type FieldError } from '../errors';
import type { BulkUpdateCounts } from '../options';
import type { BulkOutcome, ContactInput } from '../store';
import { checkEmail, isPlainObject, validateContact } from '../validation';
import { contactView } from '../views';

/** listIds on create/upsert must name real lists; segments are computed, never assigned. */
function checkListIds(ctx: RouteContext, input: ContactInput): EmuResponse | undefined {
	const details: FieldError[] = [];
	for (const [index, id] of (input.listIds ?? []).entries()) {
		const list = ctx.store.lists.get(id);
		if (!list) return notFound(`Contact list not found: ${id}`);
		if (list.type === 'segment') {
			details.push({ field: `listIds.${index}`, message: 'Segment IDs cannot be used; segments are computed automatically' });
		}
	}
	return details.length > 0 ? validationFailed(details) : undefined;
}

function writeOne(ctx: RouteContext, mode: 'create' | 'upsert'): EmuResponse {
	const { input, errors } = validateContact(ctx.req.json, ctx.store, ctx.options);
	if (!input) return { ...validationFailed(errors), contacts: 1 };
	const listProblem = checkListIds(ctx, input);
	if (listProblem) return { ...listProblem, contacts: 1 };
	if (mode === 'create' && ctx.store.findContact(input.email)) {
		return {
			...fail(ctx.options.duplicateCreateStatus, 'CONTACT_ALREADY_EXISTS', 'Contact with this email already exists'),
			contacts: 1,
		};
	}
	const { contact } = ctx.store.upsertContact(input);
	const message = mode === 'create' ? 'Contact created successfully' : 'Contact created or updated successfully';
	return { ...ok(contactView(contact, ctx.store.projectId), 200, message), contacts: 1 };
}

/** The answer's counts under the configured reading (options.ts BulkUpdateCounts). */
function reportedCounts(mode: BulkUpdateCounts, stored: number, failed: number, sent: number) {
	switch (mode) {
		case 'zeros':
		case 'zerosNothingStored':
			return { successCount: 0, failedCount: 0, totalCount: 0 };
		case 'totalProcessed':
			return { successCount: stored, failedCount: failed, totalCount: stored };
		case 'failedUncounted':
			return { successCount: stored, failedCount: 0, totalCount: sent };
		default:
			return { successCount: stored, failedCount: failed, totalCount: sent };
	}
}

function bulkUpdate(ctx: RouteContext): EmuResponse {
	const body = ctx.req.json;
	const max = ctx.options.maxBulkUpdateContacts;
	if (!isPlainObject(body) || !Array.isArray(body.contacts)) {
		return validationFailed([{ field: 'contacts', message: 'contacts is required and must be an array' }]);
	}
	const contacts = body.contacts as unknown[];
	if (contacts.length < 1 || contacts.length > max) {
		return {
			...validationFailed([{ field: 'contacts', message: `contacts must contain between 1 and ${max} items` }]),
			contacts: contacts.length,
		};
	}
	if (body.runWorkflow !== undefined && typeof body.runWorkflow !== 'boolean') {
		return validationFailed([{ field: 'runWorkflow', message: 'runWorkflow must be a boolean' }]);
	}
	const store = ctx.store;
	const mode = ctx.options.bulkUpdateCounts;
	const runWorkflow = body.runWorkflow === true;
	const batch = ++store.bulkBatches;
	const now = new Date().toISOString();
	let successCount = 0;
	let failedCount = 0;
	// One bad contact must not fail the call: it is only counted, which is all the caller ever learns.
	contacts.forEach((item, index) => {
		const { input, errors } = validateContact(item, store, ctx.options, `contacts.${index}.`, false);
		const rawEmail = isPlainObject(item) && typeof item.email === 'string' ? item.email : undefined;
		let outcome: BulkOutcome;
		if (input && mode === 'zerosNothingStored') {
			outcome = { batch, index, email: input.email, outcome: 'failed', errors: [{ field: `contacts.${index}`, message: 'dropped (zerosNothingStored)' }], runWorkflow };
		} else if (input) {
			const { created } = store.upsertContact(input, now);
			successCount++;
			outcome = { batch, index, email: input.email, outcome: created ? 'created' : 'updated', runWorkflow };
		} else {
			failedCount++;
			outcome = { batch, index, email: rawEmail, outcome: 'failed', errors, runWorkflow };
		}
		store.recordOutcome(outcome);
	});
	return {
		...ok(reportedCounts(mode, successCount, failedCount, contacts.length), 200, 'Bulk update completed'),
		contacts: contacts.length,
	};
}

function searchByEmails(ctx: RouteContext): EmuResponse {
	const body = ctx.req.json;
	const max = ctx.options.maxSearchEmails;
	if (!isPlainObject(body) || !Array.isArray(body.emails) || body.emails.some((e) => typeof e !== 'string')) {
		return validationFailed([{ field: 'emails', message: 'emails is required and must be an array of strings' }]);
	}
	const emails = body.emails as string[];
	if (emails.length < 1 || emails.length > max) {
		return validationFailed([{ field: 'emails', message: `emails must contain between 1 and ${max} items` }]);
	}
	const seen = new Set<string>();
	const lag = ctx.options.searchLagMs;
	const found = [];
	for (const raw of emails) {
		const checked = checkEmail(raw, Number.MAX_SAFE_INTEGER);
		if ('error' in checked || seen.has(checked.email)) continue;
		seen.add(checked.email);
		const contact = ctx.store.findContact(checked.email);
		const visible = contact && (lag === 0 || Date.now() - Date.parse(contact.createdAt) >= lag);
		if (contact && visible) found.push(contactView(contact, ctx.store.projectId));
	}
	return { ...ok({ contacts: found }), contacts: emails.length };
}

function getById(ctx: RouteContext): EmuResponse {
	const contact = ctx.store.contactsById.get(ctx.params.id);
	if (!contact) return notFound('Contact not found');
	return ok(contactView(contact, ctx.store.projectId));
}

export const contactRoutes: Route[] = [
	{ method: 'POST', pattern: '/contacts', writes: true, handle: (ctx) => writeOne(ctx, 'create') },
	{ method: 'POST', pattern: '/contacts/email', writes: true, handle: (ctx) => writeOne(ctx, 'upsert') },
	{ method: 'POST', pattern: '/contacts/bulk-update', writes: true, handle: bulkUpdate },
	{ method: 'POST', pattern: '/contacts/search/emails', writes: false, handle: searchByEmails },
	{ method: 'GET', pattern: '/contacts/:id', writes: false, handle: getById },
];
