import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ContactItemReader } from '../../shared/contactInput/reader';
import type { BulkOperation } from '../../shared/router';
import type { ChunkVerdict, HttpResponse, OutgoingChunk } from '../../shared/types';
import { isSuccess, verdictForError, verdictForUnreadable } from '../../shared/verdicts';
import { mergeSendGridContacts, type SendGridContact } from '../contact';
import { jobVerdict } from '../jobs';
import { MAX_BYTES_PER_REQUEST, MAX_CONTACTS_PER_REQUEST, upsertDefaults } from '../limits';
import { upsertAnswer } from '../schemas';
import { providerError, sendGridTransport } from '../transport';

import { readJobOptions } from './options';

const CONTACT_FIELD_ERROR = /^contacts\[\d+\]/;

/** A 400 that names single contacts, or a 413: send smaller halves so only the culprits fail. */
function shouldSplit(chunk: OutgoingChunk<SendGridContact>, response: HttpResponse): boolean {
	if (chunk.contacts.length < 2) return false;
	if (response.status === 413) return true;
	return response.status === 400 && CONTACT_FIELD_ERROR.test(providerError(response).field ?? '');
}

/**
 * PUT /v3/marketing/contacts for Contact → Create or Update and Contact List → Add Contacts: chunks of
 * at most 30,000 contacts and 6 MB, optional list ids, and the import job read back when asked to.
 */
export async function upsertOperation(
	ctx: IExecuteFunctions,
	listIds: string[],
	toContact: ContactItemReader<SendGridContact>,
): Promise<BulkOperation<SendGridContact>> {
	const transport = await sendGridTransport(ctx);
	const job = readJobOptions(ctx.getNodeParameter('options', 0, {}) as IDataObject);
	const lists = listIds.length > 0 ? `"list_ids":${JSON.stringify(listIds)},` : '';
	const extra = listIds.length > 0 ? { listIds } : {};
	const jobWait = { maxWaitMs: job.maxWaitMs, baseUrl: transport.baseUrl, listIds, cache: {} };
	return {
		transport,
		defaults: upsertDefaults,
		adapter: {
			limits: { maxContacts: MAX_CONTACTS_PER_REQUEST, maxBytes: MAX_BYTES_PER_REQUEST, idempotent: true },
			envelope: { before: `{${lists}"contacts":[`, after: ']}' },
			toContact,
			merge: mergeSendGridContacts,
			async send(chunk, http) {
				return await http.send({ method: 'PUT', url: '/v3/marketing/contacts', body: chunk.body });
			},
			async interpret(chunk, response, http): Promise<ChunkVerdict> {
				if (response.malformed) return verdictForUnreadable(response);
				if (!isSuccess(response)) {
					if (shouldSplit(chunk, response)) {
						return { kind: 'split', reason: providerError(response).message, processed: false };
					}
					return verdictForError(response, providerError(response));
				}
				const answer = upsertAnswer.safeParse(response.body);
				if (!answer.success) return verdictForUnreadable(response);
				const jobId = answer.data.job_id;
				if (!job.wait) return { kind: 'all', outcome: { status: 'queued', details: { jobId, ...extra } } };
				return await jobVerdict(jobId, chunk, http, jobWait, extra);
			},
		},
	};
}
