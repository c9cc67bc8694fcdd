import type { IExecuteFunctions } from 'n8n-workflow';

import { emailKeyReader } from '../../../shared/emailKey';
import type { BulkOperation } from '../../../shared/router';
import { BY_EMAIL_DEFAULTS, BY_EMAIL_MAX_EMAILS } from '../../limits';
import { autoSendTransport } from '../../transport';

import { byEmailDescription, foundOutcome, readSearch } from './byEmail';

export const description = byEmailDescription(
	'get',
	'The contact to look up',
	'Looks up to 100 emails per request (POST /contacts/search/emails) at 2 requests/second. An email AutoSend holds no contact for reports "not_found", which is a normal result, not an error.',
);

/** Contacts by email, 100 per search request; the answer lists only the matches. */
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
			async interpret(chunk, response) {
				const found = readSearch(response);
				if (!(found instanceof Map)) return found;
				return { kind: 'outcomes', outcomes: chunk.contacts.map((email) => foundOutcome(found.get(email))) };
			},
		},
	};
}
