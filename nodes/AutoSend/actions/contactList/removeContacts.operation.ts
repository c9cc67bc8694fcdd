import { type IExecuteFunctions, type INodeExecutionData, type INodeProperties, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { itemEmailProperty } from '../../../shared/contactInput/properties';
import { itemParameterReader } from '../../../shared/itemParameter';
import { optionsCollection, type BulkOptionDefaults } from '../../../shared/options';
import type { BulkOperation } from '../../../shared/router';
import type { ChunkVerdict, HttpClient, HttpResponse, OutgoingChunk } from '../../../shared/types';
import { isSuccess, verdictForError, verdictForUnreadable } from '../../../shared/verdicts';
import { AUTOSEND_CONCURRENCY, AUTOSEND_REQUESTS_PER_SECOND, LIST_REMOVE_DEFAULT_EMAILS, LIST_REMOVE_MAX_EMAILS } from '../../limits';
import { listRemoveAnswer } from '../../schemas';
import { autoSendTransport, providerError } from '../../transport';

import { toPrepared } from './addContacts.operation';
import { GLOBAL_CONTACT_LIST, listLocator } from './listLocator';
import { removeOutcomes } from './removeAnswer';

const show = { resource: ['contactList'], operation: ['removeContacts'] };

export const defaults: BulkOptionDefaults = {
	writesContacts: false,
	batchSize: LIST_REMOVE_DEFAULT_EMAILS,
	maxBatchSize: LIST_REMOVE_MAX_EMAILS,
	concurrency: AUTOSEND_CONCURRENCY,
	requestsPerSecond: AUTOSEND_REQUESTS_PER_SECOND,
	batched: true,
};

const properties: INodeProperties[] = [
	listLocator('The list to take the contacts off (lists only, not All Contacts or segments)'),
	itemEmailProperty('The email to take off the list. The contact itself stays in AutoSend.'),
	{
		displayName:
			'AutoSend does not document how many emails one removal request takes: the node sends 100 per request (Options → Contacts per Request) and splits a request AutoSend rejects for its emails. Where the answer does not say per email what happened, the node looks the contacts up.',
		name: 'removeContactsNotice',
		type: 'notice',
		default: '',
	},
	optionsCollection(defaults),
];

export const description = updateDisplayOptions({ show }, properties);

function interpretRemove(listId: string) {
	return async (chunk: OutgoingChunk<string>, response: HttpResponse, http: HttpClient): Promise<ChunkVerdict> => {
		if (response.malformed) return verdictForUnreadable(response);
		if (!isSuccess(response)) {
			const error = providerError(response);
			// A missing list (or a segment) fails every chunk the same way: stop instead of sending them all.
			if (response.status === 404 || error.field === 'contactListId') {
				const errorCode = response.status === 404 ? 'LIST_NOT_FOUND' : error.code;
				return { kind: 'abort', outcome: { status: 'failed', errorCode, errorField: 'list', errorMessage: `${error.message} (list ${listId})` } };
			}
			// The undocumented per-request maximum may be lower than the batch size: smaller requests find out.
			if (response.status === 400 && chunk.contacts.length > 1 && (error.field === undefined || error.field.startsWith('emails'))) {
				return { kind: 'split', reason: error.message, processed: false };
			}
			return verdictForError(response, error);
		}
		const parsed = listRemoveAnswer.safeParse(response.body);
		if (!parsed.success) return verdictForUnreadable(response);
		return { kind: 'outcomes', outcomes: await removeOutcomes(chunk.contacts, parsed.data.data ?? {}, http, listId) };
	};
}

/** POST /contact-lists/{id}/contacts/remove with emails (autosend-convex provider.ts); removing twice is harmless. */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<string>> {
	const listId = String(this.getNodeParameter('list', 0, '', { extractValue: true }) ?? '').trim();
	if (listId === GLOBAL_CONTACT_LIST) {
		throw new NodeOperationError(this.getNode(), 'All Contacts is not a list contacts can leave', {
			description: 'Pick one of your lists. To remove contacts from AutoSend altogether, delete them.',
		});
	}
	const email = itemParameterReader(this, 'email');
	const read = (item: INodeExecutionData, i: number) => toPrepared(email(item, i));
	const url = `/contact-lists/${encodeURIComponent(listId)}/contacts/remove`;
	return {
		transport: await autoSendTransport(this),
		defaults,
		adapter: {
			limits: { maxContacts: LIST_REMOVE_MAX_EMAILS, idempotent: true },
			envelope: { before: '{"emails":[', after: ']}' },
			toContact: read,
			async send(chunk, http) {
				return await http.send({ method: 'POST', url, body: chunk.body });
			},
			interpret: interpretRemove(listId),
		},
	};
}
