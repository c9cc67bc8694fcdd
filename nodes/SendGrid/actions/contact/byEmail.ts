import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { emailKeyReader, foundDetails } from '../../../shared/emailKey';
import type { BulkOperation } from '../../../shared/router';
import type { ChunkVerdict, ContactOutcome, HttpClient, HttpResponse, PreparedItem } from '../../../shared/types';
import { verdictForError, verdictForUnreadable } from '../../../shared/verdicts';
import { byEmailDefaults } from '../../limits';
import { lookUp, readSearchAnswer, SEARCH_BATCH, SEARCH_MAX_EMAIL_LENGTH, type Lookup } from '../../lookup';
import { providerError, sendGridTransport } from '../../transport';

/** search/emails takes addresses of at most 100 characters (OpenAPI): longer ones cannot be looked up. */
export function searchableEmailReader(ctx: IExecuteFunctions): (item: INodeExecutionData, i: number) => PreparedItem<string> {
	const read = emailKeyReader(ctx);
	return (item, i) => {
		const prepared = read(item, i);
		if (prepared.ok && prepared.contact.length > SEARCH_MAX_EMAIL_LENGTH) {
			return { ok: false, email: prepared.email, field: 'email', message: `is longer than the ${SEARCH_MAX_EMAIL_LENGTH} characters SendGrid's search by email accepts` };
		}
		return prepared;
	};
}

/**
 * The chunk's search answer by email: 200 with a result per email, 404 when none has a contact
 * (OpenAPI), 400 when an address is invalid, which lookUp locates by halving the chunk.
 */
export async function searchResults(emails: string[], response: HttpResponse, http: HttpClient): Promise<Map<string, Lookup> | ChunkVerdict> {
	if (response.status === 404) return new Map(emails.map((email) => [email, { kind: 'missing' }]));
	if (response.status === 400) return await lookUp(emails, http);
	if (response.malformed) return verdictForUnreadable(response);
	if (response.status !== 200) return verdictForError(response, providerError(response));
	return readSearchAnswer(emails, response) ?? verdictForUnreadable(response);
}

/** One lookup as a Get result. The search also matches alternate emails: the contact then shows its primary one. */
export function getOutcome(lookup: Lookup | undefined): ContactOutcome {
	switch (lookup?.kind) {
		case 'found':
			return { status: 'found', id: lookup.contact.id, details: foundDetails(lookup.contact, lookup.contact.list_ids ?? []) };
		case 'missing':
			return { status: 'not_found' };
		case 'invalid':
			return { status: 'invalid', errorCode: 'INVALID_EMAIL', errorField: 'email', errorMessage: `SendGrid calls this address invalid: ${lookup.message}` };
		default:
			return { status: 'failed', errorCode: 'LOOKUP_FAILED', errorMessage: `The lookup failed: ${lookup?.message ?? 'no answer for this email'}` };
	}
}

/**
 * Get and Delete start alike: one search/emails per 100 emails; `settle` turns the chunk's lookups
 * into its verdict (Get reports them, Delete deletes the contacts found).
 */
export async function searchOperation(
	ctx: IExecuteFunctions,
	settle: (emails: string[], results: Map<string, Lookup>, http: HttpClient) => ChunkVerdict | Promise<ChunkVerdict>,
): Promise<BulkOperation<string>> {
	return {
		transport: await sendGridTransport(ctx),
		defaults: byEmailDefaults,
		adapter: {
			limits: { maxContacts: SEARCH_BATCH, idempotent: true },
			envelope: { before: '{"emails":[', after: ']}' },
			toContact: searchableEmailReader(ctx),
			async send(chunk, http) {
				return await http.send({ method: 'POST', url: '/v3/marketing/contacts/search/emails', body: chunk.body });
			},
			async interpret(chunk, response, http) {
				const results = await searchResults(chunk.contacts, response, http);
				return results instanceof Map ? await settle(chunk.contacts, results, http) : results;
			},
		},
	};
}
