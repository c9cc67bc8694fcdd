import type { IExecuteFunctions } from 'n8n-workflow';

import { emailKeyReader } from '../../../shared/emailKey';
import type { BulkOperation } from '../../../shared/router';
import type { ChunkVerdict, ContactOutcome, HttpClient, HttpResponse } from '../../../shared/types';
import { isSuccess, verdictForError } from '../../../shared/verdicts';
import { BY_EMAIL_DEFAULTS, BY_EMAIL_MAX_EMAILS } from '../../limits';
import { removeAnswer, removedIds, type StoredContact } from '../../schemas';
import { autoSendTransport, providerError } from '../../transport';

import { byEmailDescription, readSearch } from './byEmail';

export const description = byEmailDescription(
	'delete',
	'The contact to delete',
	'Deletes contacts by email, 100 per request: each request is preceded by a lookup (2 requests per 100 contacts at 2 requests/second), so an email with no contact reports "not_found". Deleting is safe to repeat; a contact removed by an attempt whose answer was lost reports "not_found" on the next.',
);

/** The remove call failed after the engine's retries: nobody in it can be reported deleted. */
function removeFailed(response: HttpResponse): ChunkVerdict {
	const verdict = verdictForError(response, providerError(response));
	if (verdict.kind === 'abort' || verdict.kind === 'all') return verdict;
	const reason = 'reason' in verdict ? verdict.reason : `HTTP ${response.status}`;
	return { kind: 'all', outcome: { status: 'failed', errorCode: `HTTP_${response.status}`, errorMessage: `contacts/remove failed: ${reason}. Deleting is safe to run again.` } };
}

async function removeFound(emails: string[], found: Map<string, StoredContact>, http: HttpClient): Promise<ChunkVerdict> {
	const present = emails.filter((email) => found.has(email));
	if (present.length === 0) return { kind: 'all', outcome: { status: 'not_found' } };
	const response = await http.sendWithRetry({ method: 'POST', url: '/contacts/remove', body: { emails: present } });
	const answer = isSuccess(response) && !response.malformed ? removeAnswer.safeParse(response.body) : undefined;
	// Emails without a contact stay not_found whatever became of the remove call.
	const forPresent = (verdict: ChunkVerdict): ChunkVerdict =>
		verdict.kind === 'all' ? { kind: 'outcomes', outcomes: emails.map((email) => (found.has(email) ? verdict.outcome : { status: 'not_found' })) } : verdict;
	if (!answer) return forPresent(removeFailed(response));
	if (!answer.success) {
		return forPresent({ kind: 'all', outcome: { status: 'unknown', errorCode: 'UNREADABLE_ANSWER', errorMessage: `AutoSend answered contacts/remove ${response.status} with a body this node does not recognise` } });
	}
	const ids = removedIds(answer.data.data);
	const outcomes = emails.map((email): ContactOutcome => {
		const contact = found.get(email);
		if (!contact) return { status: 'not_found' };
		if (!ids || (contact.id !== undefined && ids.has(contact.id))) return { status: 'deleted', id: contact.id };
		return { status: 'unknown', id: contact.id, errorCode: 'NOT_IN_ANSWER', errorMessage: 'AutoSend listed the removed contacts and this one was not among them' };
	});
	return { kind: 'outcomes', outcomes };
}

/** Lookup, then POST /contacts/remove for the emails that have a contact. */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<string>> {
	return {
		transport: await autoSendTransport(this),
		defaults: BY_EMAIL_DEFAULTS,
		adapter: {
			limits: { maxContacts: BY_EMAIL_MAX_EMAILS, idempotent: true },
			envelope: { before: '{"emails":[', after: ']}' },
			toContact: emailKeyReader(this),
			async send(chunk, http) {
				return await http.send({ method: 'POST', url: '/contacts/search/emails', body: chunk.body });
			},
			async interpret(chunk, response, http) {
				const found = readSearch(response);
				if (!(found instanceof Map)) return found;
				return await removeFound(chunk.contacts, found, http);
			},
		},
	};
}
