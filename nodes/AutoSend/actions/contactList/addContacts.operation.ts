import { type IExecuteFunctions, type INodeExecutionData, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { itemEmailProperty } from '../../../shared/contactInput/properties';
import { readEmail } from '../../../shared/email';
import { itemParameterReader } from '../../../shared/itemParameter';
import { optionsCollection, type BulkOptionDefaults } from '../../../shared/options';
import type { BulkOperation } from '../../../shared/router';
import type { ChunkVerdict, ContactOutcome, HttpResponse, OutgoingChunk, PreparedItem } from '../../../shared/types';
import { isSuccess, verdictForError, verdictForUnreadable } from '../../../shared/verdicts';
import { AUTOSEND_CONCURRENCY, AUTOSEND_REQUESTS_PER_SECOND, BULK_ADD_MAX_EMAILS } from '../../limits';
import { bulkAddAnswer } from '../../schemas';
import { autoSendTransport, providerError } from '../../transport';

import { listLocator } from './listLocator';

const show = { resource: ['contactList'], operation: ['addContacts'] };

export const defaults: BulkOptionDefaults = {
	batchSize: BULK_ADD_MAX_EMAILS,
	maxBatchSize: BULK_ADD_MAX_EMAILS,
	concurrency: AUTOSEND_CONCURRENCY,
	requestsPerSecond: AUTOSEND_REQUESTS_PER_SECOND,
	batched: true,
};

const properties: INodeProperties[] = [
	listLocator('The list to add the contacts to (lists only; segments are computed by AutoSend)'),
	itemEmailProperty('The email to add. Contacts that do not exist yet are created by AutoSend.'),
	{
		displayName:
			'Adding contacts to a list starts the automations of that list for them. Emails without a contact are created; suppressed emails are reported, not added.',
		name: 'addContactsNotice',
		type: 'notice',
		default: '',
	},
	optionsCollection(defaults),
];

export const description = updateDisplayOptions({ show }, properties);

type Answer = ReturnType<typeof bulkAddAnswer.parse>['data'];

function byEmail<T extends { email?: string }>(entries: T[] | undefined): Map<string, T> {
	const map = new Map<string, T>();
	for (const entry of entries ?? []) if (typeof entry.email === 'string') map.set(entry.email.trim().toLowerCase(), entry);
	return map;
}

/**
 * The answer has counts plus per-email lists (invalid, suppressed, errors) and the contacts it touched.
 * A touched contact is reported as 'added' with `created` true when AutoSend made it for this call:
 * the answer has no flag, so it is true when the call created contacts and added none, and otherwise
 * read from createdAt === updatedAt (both set at creation).
 */
export function outcomesFor(emails: string[], data: Answer, listId: string): ContactOutcome[] {
	const invalid = byEmail(data.validation?.invalid);
	const suppressed = byEmail(data.validation?.suppressed);
	const failed = byEmail(data.errors);
	const touched = byEmail(data.contacts);
	const noneCreated = (data.created ?? 0) === 0;
	const allCreated = !noneCreated && (data.added ?? 0) === 0;
	return emails.map((email): ContactOutcome => {
		const details = { listId };
		const bad = invalid.get(email);
		if (bad) return { status: 'invalid', errorCode: 'INVALID_EMAIL', errorField: 'email', errorMessage: `AutoSend rejected the email: ${bad.reason ?? 'invalid'}`, details };
		if (suppressed.has(email)) return { status: 'suppressed', details };
		const error = failed.get(email);
		if (error) return { status: 'failed', errorCode: 'ADD_FAILED', errorMessage: error.error ?? 'AutoSend could not add this contact', details };
		const contact = touched.get(email);
		if (contact) {
			const created = noneCreated ? false : allCreated ? true : contact.createdAt !== undefined && contact.createdAt === contact.updatedAt;
			return { status: 'added', id: contact.id, details: { ...details, created } };
		}
		if (data.contacts === undefined && (data.alreadyInList ?? 0) === 0) return { status: 'added', details };
		return { status: 'already_in_list', details };
	});
}

function interpretBulkAdd(listId: string) {
	return async (chunk: OutgoingChunk<string>, response: HttpResponse): Promise<ChunkVerdict> => {
		if (response.malformed) return verdictForUnreadable(response);
		if (!isSuccess(response)) {
			const error = providerError(response);
			// A missing list (or a segment) fails every chunk the same way: stop instead of sending them all.
			if (response.status === 404 || error.field === 'contactListId') {
				return {
					kind: 'abort',
					outcome: {
						status: 'failed',
						errorCode: response.status === 404 ? 'LIST_NOT_FOUND' : error.code,
						errorField: 'list',
						errorMessage: `${error.message} (list ${listId}). Pick a list from the list, not a segment.`,
					},
				};
			}
			return verdictForError(response, error);
		}
		const parsed = bulkAddAnswer.safeParse(response.body);
		if (!parsed.success) return { kind: 'retry', reason: 'AutoSend answered bulk-add with an unexpected body', processed: true };
		return { kind: 'outcomes', outcomes: outcomesFor(chunk.contacts, parsed.data.data, listId) };
	};
}

export function toPrepared(value: unknown): PreparedItem<string> {
	const read = readEmail(value);
	if ('problem' in read) return { ok: false, email: typeof value === 'string' ? value : undefined, field: 'email', message: read.problem };
	return { ok: true, key: read.email, email: read.email, contact: read.email };
}

/** POST /contact-lists/contacts/bulk-add with emails, up to 500 per request. Adding twice is harmless. */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<string>> {
	const listId = String(this.getNodeParameter('list', 0, '', { extractValue: true }) ?? '').trim();
	const email = itemParameterReader(this, 'email');
	const read = (item: INodeExecutionData, i: number) => toPrepared(email(item, i));
	return {
		transport: await autoSendTransport(this),
		defaults,
		adapter: {
			limits: { maxContacts: BULK_ADD_MAX_EMAILS, idempotent: true },
			envelope: { before: `{"contactListId":${JSON.stringify(listId)},"emails":[`, after: ']}' },
			toContact: read,
			async send(chunk, http) {
				return await http.send({ method: 'POST', url: '/contact-lists/contacts/bulk-add', body: chunk.body });
			},
			interpret: interpretBulkAdd(listId),
		},
	};
}
