import type { IExecuteFunctions } from 'n8n-workflow';

import { emailKeyReader, foundDetails } from '../../../shared/emailKey';
import type { BulkOperation } from '../../../shared/router';
import type { ChunkVerdict } from '../../../shared/types';
import { isSuccess, verdictForUnreadable } from '../../../shared/verdicts';
import { BY_EMAIL_DEFAULTS } from '../../limits';
import { contactByEmailAnswer } from '../../schemas';
import { notifuseTarget, providerError } from '../../transport';
import { verdictForFailedCall } from '../failures';

import { byEmailDescription, CONTACT_NOT_FOUND } from './byEmail';

export const description = byEmailDescription(
	'get',
	'The contact to look up',
	'Notifuse looks contacts up one email per request (contacts.getByEmail), 4 in parallel by default. An email with no contact reports "not_found", which is a normal result, not an error.',
);

/** One contacts.getByEmail per email; the list ids are the memberships that are not deleted. */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<string>> {
	const target = await notifuseTarget(this, this.getNodeParameter('workspaceId', 0, ''));
	return {
		transport: target.transport,
		defaults: BY_EMAIL_DEFAULTS,
		adapter: {
			limits: { maxContacts: 1, idempotent: true },
			envelope: { before: '', after: '' },
			toContact: emailKeyReader(this),
			async send(chunk, http) {
				return await http.send({ method: 'GET', url: '/api/contacts.getByEmail', qs: { workspace_id: target.workspaceId, email: chunk.contacts[0] } });
			},
			async interpret(_chunk, response): Promise<ChunkVerdict> {
				if (response.malformed) return verdictForUnreadable(response);
				if (response.status === 404 && CONTACT_NOT_FOUND.test(providerError(response).message)) return { kind: 'all', outcome: { status: 'not_found' } };
				if (!isSuccess(response)) return verdictForFailedCall(response);
				const parsed = contactByEmailAnswer.safeParse(response.body);
				if (!parsed.success) return verdictForUnreadable(response);
				const contact = parsed.data.contact;
				const listIds = (contact.contact_lists ?? []).filter((m) => m.deleted_at === undefined || m.deleted_at === null).map((m) => m.list_id);
				return { kind: 'all', outcome: { status: 'found', details: foundDetails(contact, listIds) } };
			},
		},
	};
}
