import { type IExecuteFunctions, type INodeExecutionData, type INodeProperties, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { itemEmailProperty } from '../../../shared/contactInput/properties';
import { readEmail } from '../../../shared/email';
import { itemParameterReader } from '../../../shared/itemParameter';
import { optionsCollection, type BulkOptionDefaults } from '../../../shared/options';
import type { BulkOperation } from '../../../shared/router';
import type { ChunkVerdict, HttpResponse, PreparedItem } from '../../../shared/types';
import { isSuccess, verdictForUnreadable } from '../../../shared/verdicts';
import { NOTIFUSE_CONCURRENCY } from '../../limits';
import { notifuseTarget, providerError, workspaceJson } from '../../transport';
import { verdictForFailedCall } from '../failures';
import { listPrecheck } from '../listPrecheck';

const show = { resource: ['contactList'], operation: ['removeContacts'] };

export const defaults: BulkOptionDefaults = {
	writesContacts: false,
	batchSize: 1,
	maxBatchSize: 1,
	concurrency: NOTIFUSE_CONCURRENCY,
	requestsPerSecond: 0,
	batched: false,
};

/** Notifuse stores emails up to 255 characters (contacts.email column). */
const EMAIL_MAX_LENGTH = 255;

const properties: INodeProperties[] = [
	{
		displayName: 'List Name or ID',
		name: 'listId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLists', loadOptionsDependsOn: ['workspaceId'] },
		required: true,
		default: '',
		description:
			'The list to take the contacts off. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	itemEmailProperty('The email to take off the list. The contact itself stays in Notifuse.'),
	{
		displayName:
			'Notifuse removes one contact per request (contactLists.removeContact), several in parallel. This takes the contact off the list; it does not mark it unsubscribed.',
		name: 'removeContactsNotice',
		type: 'notice',
		default: '',
	},
	optionsCollection(defaults),
];

export const description = updateDisplayOptions({ show }, properties);

function toPrepared(value: unknown): PreparedItem<string> {
	const read = readEmail(value);
	if ('problem' in read) return { ok: false, email: typeof value === 'string' ? value : undefined, field: 'email', message: read.problem };
	if (read.email.length > EMAIL_MAX_LENGTH) return { ok: false, email: read.email, field: 'email', message: `is longer than ${EMAIL_MAX_LENGTH} characters` };
	return { ok: true, key: read.email, email: read.email, contact: read.email };
}

/**
 * handleRemoveContact (internal/http/contact_list_handler.go): 200 {"success":true} when a membership
 * row was updated; 404 "contact list not found" when there is none, which its own comment calls
 * "not in list"; 400 for a request it cannot validate.
 */
function interpretRemove(listId: string) {
	const details = { listId };
	return async (_chunk: unknown, response: HttpResponse): Promise<ChunkVerdict> => {
		if (response.malformed) return verdictForUnreadable(response);
		if (isSuccess(response)) return { kind: 'all', outcome: { status: 'removed', details } };
		const error = providerError(response);
		if (response.status === 404 && error.message === 'contact list not found') return { kind: 'all', outcome: { status: 'not_in_list', details } };
		if (response.status === 400 && error.message.startsWith('invalid email format')) {
			return { kind: 'all', outcome: { status: 'invalid', errorCode: 'INVALID_EMAIL', errorField: 'email', errorMessage: error.message, details } };
		}
		const verdict = verdictForFailedCall(response);
		return verdict.kind === 'all' ? { kind: 'all', outcome: { ...verdict.outcome, details } } : verdict;
	};
}

/**
 * One contact per call through contactLists.removeContact: it soft-deletes the membership
 * (repository/contact_list_postgres.go RemoveContactFromList), where updateStatus would keep the
 * contact in the list as "unsubscribed", a consent state, not leaving a segment.
 */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<string>> {
	const listId = String(this.getNodeParameter('listId', 0, '') ?? '').trim();
	if (listId === '') throw new NodeOperationError(this.getNode(), 'Choose the list to remove the contacts from');
	const target = await notifuseTarget(this, this.getNodeParameter('workspaceId', 0, ''));
	const email = itemParameterReader(this, 'email');
	return {
		transport: target.transport,
		defaults,
		adapter: {
			limits: { maxContacts: 1, idempotent: true },
			envelope: { before: `{"workspace_id":${workspaceJson(target.workspaceId)},"list_id":${JSON.stringify(listId)},"email":`, after: '}' },
			toContact: (item: INodeExecutionData, i: number) => toPrepared(email(item, i)),
			// A missing list or workspace would answer every contact 404 / 500: checked once, before the first call.
			precheck: listPrecheck(target.workspaceId, [listId]),
			async send(chunk, http) {
				return await http.send({ method: 'POST', url: '/api/contactLists.removeContact', body: chunk.body });
			},
			interpret: interpretRemove(listId),
		},
	};
}
