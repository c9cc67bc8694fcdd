import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deliveryOptionFields, type BulkOptionDefaults } from '../../../shared/options';
import type { ChunkVerdict, HttpClient, HttpResponse, OutgoingChunk } from '../../../shared/types';
import { isSuccess, verdictForError, verdictForUnreadable } from '../../../shared/verdicts';
import type { AutoSendContact } from '../../contact';
import { bulkUpdateAnswer } from '../../schemas';
import { autoSendTransport, providerError } from '../../transport';
import { contactInputProperties, contactReader, type ContactInputSettings } from '../contactInput';
import {
	AUTOSEND_CONCURRENCY,
	AUTOSEND_REQUESTS_PER_SECOND,
	BULK_UPDATE_MAX_CONTACTS,
	type PreparedOperation,
} from '../operation';
import { interpretSingleContact } from '../singleContact';

const show = { resource: ['contact'], operation: ['bulkUpdate'] };
const settings: ContactInputSettings = { allowListIds: false, mapperMode: 'upsert' };

export const defaults: BulkOptionDefaults = {
	batchSize: BULK_UPDATE_MAX_CONTACTS,
	maxBatchSize: BULK_UPDATE_MAX_CONTACTS,
	concurrency: AUTOSEND_CONCURRENCY,
	requestsPerSecond: AUTOSEND_REQUESTS_PER_SECOND,
	batched: true,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Run Workflows',
		name: 'runWorkflow',
		type: 'boolean',
		default: false,
		description: 'Whether AutoSend should trigger its automations for the updated contacts',
		displayOptions: { show },
	},
	{
		displayName:
			'Bulk Update creates or updates up to 100 contacts per request but cannot add them to lists: use Contact List → Add Contacts for that. AutoSend reports only counts, so failing contacts are found by resending smaller groups.',
		name: 'bulkUpdateNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	...contactInputProperties(show, settings),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: deliveryOptionFields(defaults),
		displayOptions: { show },
	},
];

/**
 * A lone contact that bulk-update counted as failed: the counts say nothing about why, so it is sent
 * once through the upsert endpoint, which answers the validation error with details (or succeeds,
 * when the failure was transient).
 */
async function explainLoneFailure(chunk: OutgoingChunk<AutoSendContact>, http: HttpClient): Promise<ChunkVerdict> {
	const response = await http.sendWithRetry({ method: 'POST', url: '/contacts/email', body: chunk.serialized[0] });
	const verdict = interpretSingleContact(response, 'upserted');
	if (verdict.kind !== 'all') return verdict;
	// Tell the user the outcome came from a second request, so the two log lines make sense.
	return { kind: 'all', outcome: { ...verdict.outcome, details: { resentAlone: true } } };
}

export async function interpretBulkUpdate(
	chunk: OutgoingChunk<AutoSendContact>,
	response: HttpResponse,
	http: HttpClient,
): Promise<ChunkVerdict> {
	if (response.malformed) return verdictForUnreadable(response);
	if (!isSuccess(response)) return verdictForError(response, providerError(response));
	const parsed = bulkUpdateAnswer.safeParse(response.body);
	if (!parsed.success) return { kind: 'retry', reason: 'AutoSend answered bulk-update with an unexpected body', processed: true };
	const { failedCount } = parsed.data.data;
	if (failedCount <= 0) return { kind: 'all', outcome: { status: 'upserted' } };
	if (chunk.contacts.length > 1) {
		return { kind: 'split', reason: `AutoSend reported ${failedCount} of ${chunk.contacts.length} contacts as failed without saying which`, processed: true };
	}
	return await explainLoneFailure(chunk, http);
}

/** POST /contacts/bulk-update in chunks of up to 100; create or update by email. */
export async function prepare(this: IExecuteFunctions): Promise<PreparedOperation<AutoSendContact>> {
	const read = await contactReader(this, settings);
	const runWorkflow = this.getNodeParameter('runWorkflow', 0, false) === true;
	return {
		transport: await autoSendTransport(this),
		defaults,
		adapter: {
			limits: { maxContacts: BULK_UPDATE_MAX_CONTACTS, idempotent: true },
			envelope: { before: '{"contacts":[', after: `],"runWorkflow":${runWorkflow}}` },
			prepare: read,
			async send(chunk, http) {
				return await http.send({ method: 'POST', url: '/contacts/bulk-update', body: chunk.body });
			},
			interpret: interpretBulkUpdate,
		},
	};
}
