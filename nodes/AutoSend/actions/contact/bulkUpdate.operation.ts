import { type IDataObject, type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection, type BulkOptionDefaults } from '../../../shared/options';
import type { BulkOperation } from '../../../shared/router';
import type { ChunkVerdict, HttpClient, HttpResponse, OutgoingChunk } from '../../../shared/types';
import { isSuccess, verdictForError, verdictForUnreadable } from '../../../shared/verdicts';
import type { AutoSendContact } from '../../contact';
import {
	AUTOSEND_CONCURRENCY,
	AUTOSEND_REQUESTS_PER_SECOND,
	BULK_UPDATE_MAX_CONTACTS,
} from '../../limits';
import { bulkUpdateAnswer } from '../../schemas';
import { autoSendTransport, providerError } from '../../transport';
import { contactInputProperties, contactReader, type ContactInputSettings } from '../contactInput';

import { countsProblem } from './bulkCounts';
import { verifyChunk, type CountsClaim, type VerifySettings } from './bulkVerify';

const show = { resource: ['contact'], operation: ['bulkUpdate'] };
const settings: ContactInputSettings = { allowListIds: false, mapperMode: 'upsert' };

export const defaults: BulkOptionDefaults = {
	batchSize: BULK_UPDATE_MAX_CONTACTS,
	maxBatchSize: BULK_UPDATE_MAX_CONTACTS,
	concurrency: AUTOSEND_CONCURRENCY,
	requestsPerSecond: AUTOSEND_REQUESTS_PER_SECOND,
	batched: true,
};

/** Contacts sent alone per run, at most, to learn why bulk-update failed them: each costs a request at 2/s. */
export const DEFAULT_EXPLAIN_FAILURES = 25;

const explainOption: INodeProperties = {
	displayName: 'Explain Failures',
	name: 'explainFailures',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_EXPLAIN_FAILURES,
	description:
		'At most this many contacts per run that AutoSend did not store are sent once more, alone, to Create or Update, whose answer names the reason (and stores the contact if it was a passing fault). That endpoint has no Trigger AutoSend Automations switch. 0 never sends them again.',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Trigger AutoSend Automations',
		name: 'runWorkflow',
		type: 'boolean',
		default: false,
		description: "Whether AutoSend starts its own automations (AutoSend's workflows, not n8n workflows) for the contacts this request stores",
	},
	{
		displayName:
			'Bulk Update creates or updates up to 100 contacts per request but cannot add them to lists: use Contact List → Add Contacts for that. AutoSend reports only counts, so when it counts failures the node looks up the contacts of that request to see which were stored, without sending them again.',
		name: 'bulkUpdateNotice',
		type: 'notice',
		default: '',
	},
	...contactInputProperties(settings),
	optionsCollection(defaults, [explainOption]),
];

export const description = updateDisplayOptions({ show }, properties);

/**
 * Reads bulk-update's counts. Counts that add up with no failure are the only answer taken at its word;
 * failures, or counts that do not add up, are settled per contact by a lookup (bulkVerify.ts).
 */
export function bulkUpdateInterpreter(settings: VerifySettings) {
	return async (chunk: OutgoingChunk<AutoSendContact>, response: HttpResponse, http: HttpClient): Promise<ChunkVerdict> => {
		if (response.malformed) return verdictForUnreadable(response);
		if (!isSuccess(response)) return verdictForError(response, providerError(response));
		const parsed = bulkUpdateAnswer.safeParse(response.body);
		const counts = parsed.success ? parsed.data.data : undefined;
		const sent = chunk.contacts.length;
		const problem = countsProblem(counts, sent);
		if (!problem && counts?.failedCount === 0) return { kind: 'all', outcome: { status: 'upserted' } };
		const claim: CountsClaim = problem
			? { sent, why: problem }
			: { sent, failed: counts?.failedCount, why: `AutoSend counted ${counts?.failedCount} of ${sent} contacts as failed in this request without saying which` };
		return await verifyChunk(chunk, http, claim, settings);
	};
}

/** POST /contacts/bulk-update in chunks of up to 100; create or update by email. */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<AutoSendContact>> {
	const read = await contactReader(this, settings);
	const runWorkflow = this.getNodeParameter('runWorkflow', 0, false) === true;
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const explain = typeof options.explainFailures === 'number' ? Math.max(0, Math.floor(options.explainFailures)) : DEFAULT_EXPLAIN_FAILURES;
	return {
		transport: await autoSendTransport(this),
		defaults,
		adapter: {
			limits: { maxContacts: BULK_UPDATE_MAX_CONTACTS, idempotent: true },
			envelope: { before: '{"contacts":[', after: `],"runWorkflow":${runWorkflow}}` },
			toContact: read,
			async send(chunk, http) {
				return await http.send({ method: 'POST', url: '/contacts/bulk-update', body: chunk.body });
			},
			interpret: bulkUpdateInterpreter({ runWorkflow, explainBudget: { left: explain, max: explain } }),
		},
	};
}
