import type { IExecuteFunctions } from 'n8n-workflow';

import { emailKeyReader } from '../../../shared/emailKey';
import type { BulkOperation } from '../../../shared/router';
import type { ChunkVerdict } from '../../../shared/types';
import { isSuccess, verdictForUnreadable } from '../../../shared/verdicts';
import { BY_EMAIL_DEFAULTS } from '../../limits';
import { deleteAnswer } from '../../schemas';
import { notifuseTarget, providerError, workspaceJson } from '../../transport';
import { verdictForFailedCall } from '../failures';

import { byEmailDescription, CONTACT_NOT_FOUND } from './byEmail';

export const description = byEmailDescription(
	'delete',
	'The contact to delete',
	'Notifuse deletes one contact per request (contacts.delete), 4 in parallel by default. An email with no contact reports "not_found". Deleting is safe to repeat; a contact deleted by an attempt whose answer was lost reports "not_found" on the resend.',
);

/** One contacts.delete per email: 200 `{"success":true}`, 404 when there is no such contact. */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<string>> {
	const target = await notifuseTarget(this, this.getNodeParameter('workspaceId', 0, ''));
	return {
		transport: target.transport,
		defaults: BY_EMAIL_DEFAULTS,
		adapter: {
			limits: { maxContacts: 1, idempotent: true },
			envelope: { before: `{"workspace_id":${workspaceJson(target.workspaceId)},"email":`, after: '}' },
			toContact: emailKeyReader(this),
			async send(chunk, http) {
				return await http.send({ method: 'POST', url: '/api/contacts.delete', body: chunk.body });
			},
			async interpret(_chunk, response): Promise<ChunkVerdict> {
				if (response.malformed) return verdictForUnreadable(response);
				if (response.status === 404 && CONTACT_NOT_FOUND.test(providerError(response).message)) return { kind: 'all', outcome: { status: 'not_found' } };
				if (!isSuccess(response)) return verdictForFailedCall(response);
				if (!deleteAnswer.safeParse(response.body).success) return verdictForUnreadable(response);
				return { kind: 'all', outcome: { status: 'deleted' } };
			},
		},
	};
}
