import type { EmuRequest, EmuResponse } from '../../common';

import type { SendGridContext } from '../context';
import { contactDetails } from '../contactView';
import { isValidEmail } from '../emailFormat';
import { errorResponse, MESSAGES } from '../errors';
import { validateUpsert } from '../validation';

const MAX_SEARCH_EMAILS = 100;

/** PUT /v3/marketing/contacts: synchronous validation, then a queued job. */
export function upsertContacts(ctx: SendGridContext, req: EmuRequest): EmuResponse {
	if (req.rawBody.length > ctx.options.maxBodyBytes) {
		return errorResponse(
			ctx.options.oversizeStatus,
			`request body must not exceed ${ctx.options.maxBodyBytes} bytes`,
		);
	}
	if (req.jsonInvalid) return errorResponse(400, 'invalid JSON in request body');
	const checked = validateUpsert(req.json, {
		fields: ctx.store.fields,
		listExists: (id) => ctx.store.lists.has(id),
		maxContacts: ctx.options.maxContactsPerRequest,
		rejectInvalidEmailsInRequest: ctx.options.invalidEmailCheck === 'request',
		dateValues: ctx.options.dateValues,
	});
	if (!checked.ok) return checked.response;
	const count = (req.json as { contacts: unknown[] }).contacts.length;
	const job = ctx.jobs.enqueue(checked.value, count);
	return { status: 202, body: { job_id: job.id }, contacts: count };
}

/** GET /v3/marketing/contacts/imports/{id} */
export function importStatus(ctx: SendGridContext, jobId: string): EmuResponse {
	const job = ctx.store.jobs.get(jobId);
	if (!job) return errorResponse(404, 'job not found', 'id');
	const results: Record<string, unknown> = {
		requested_count: job.requested_count,
		created_count: job.created_count,
		updated_count: job.updated_count,
		deleted_count: job.deleted_count,
		errored_count: job.errored_count,
	};
	if (job.errored_count > 0) results.errors_url = ctx.errorFileUrl(job.id);
	const body: Record<string, unknown> = {
		id: job.id,
		status: job.status,
		job_type: job.job_type,
		results,
		started_at: job.started_at,
	};
	if (job.finished_at) body.finished_at = job.finished_at;
	return { status: 200, body };
}

/**
 * GET /__files/errors/{job_id} on the API origin (`location: 'api-redirect'`): a 302 to the storage
 * host, the reading in which the link is SendGrid's own but the bytes live elsewhere (a guess, see
 * errorFile.ts). The client must not carry the API key across that redirect (providers.md §5).
 */
export function errorFile(ctx: SendGridContext, jobId: string): EmuResponse {
	const job = ctx.store.jobs.get(jobId);
	if (!job || job.status === 'pending') return errorResponse(404, 'file not found');
	return { status: 302, headers: { location: ctx.storageFileUrl(job.id) } };
}

/** POST /v3/marketing/contacts/search/emails */
export function searchByEmails(ctx: SendGridContext, req: EmuRequest): EmuResponse {
	if (req.jsonInvalid) return errorResponse(400, 'invalid JSON in request body');
	const emails = (req.json as { emails?: unknown } | undefined)?.emails;
	if (!Array.isArray(emails)) return errorResponse(400, 'emails is required', 'emails');
	if (emails.length > MAX_SEARCH_EMAILS) {
		return errorResponse(400, `emails must contain at most ${MAX_SEARCH_EMAILS} items`, 'emails');
	}
	const wanted: string[] = [];
	for (const email of emails) {
		if (typeof email !== 'string') return errorResponse(400, 'emails must be strings', 'emails');
		if (email === '') continue; // empty strings are ignored
		const lower = email.toLowerCase();
		if (!isValidEmail(lower)) return errorResponse(400, `invalid email address: ${email}`, 'emails');
		wanted.push(lower);
	}
	const result: Record<string, unknown> = {};
	let found = 0;
	for (const email of wanted) {
		const contact = ctx.store.findByEmail(email);
		if (contact) {
			found++;
			result[email] = {
				contact: contactDetails(contact, ctx.store.fields, ctx.options.searchCustomFieldsBy, ctx.baseUrl()),
			};
		} else {
			result[email] = { error: MESSAGES.contactNotFound };
		}
	}
	if (found === 0) return errorResponse(404, 'no contacts found');
	return { status: 200, body: { result } };
}

/** GET /v3/marketing/contacts/count */
export function contactCount(ctx: SendGridContext): EmuResponse {
	const count = ctx.store.contacts.size;
	return { status: 200, body: { contact_count: count, billable_count: count } };
}

/**
 * DELETE /v3/marketing/contacts?ids=a,b (OpenAPI DeleteContact): "You must set either ids or
 * delete_all_contacts"; 202 `{job_id}`, "Deletion jobs are processed asynchronously". The spec
 * documents no maximum number of ids; the emulator caps the URL at `maxUrlLength` (a common
 * server/proxy limit, [guess]) with a 414 so a node that ignores URL length fails here.
 */
export function deleteContacts(ctx: SendGridContext, req: EmuRequest): EmuResponse {
	if (req.path.length + 1 + req.query.toString().length > ctx.options.maxUrlLength) return errorResponse(414, 'request URI too long');
	const ids = req.query.get('ids');
	const all = req.query.get('delete_all_contacts');
	if (all === 'true') return errorResponse(400, 'delete_all_contacts is not supported by this emulator', 'delete_all_contacts');
	if (ids === null || ids.trim() === '') return errorResponse(400, 'ids or delete_all_contacts is required', 'ids');
	const list = ids.split(',').map((id) => id.trim()).filter((id) => id !== '');
	const job = ctx.jobs.enqueueDelete(list);
	return { status: 202, body: { job_id: job.id }, contacts: list.length };
}
