import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { itemEmailProperty } from '../../../shared/contactInput/properties';
import { readEmail } from '../../../shared/email';
import { itemParameterReader } from '../../../shared/itemParameter';
import { optionsCollection } from '../../../shared/options';
import type { BulkOperation } from '../../../shared/router';
import type { PreparedItem } from '../../../shared/types';
import { LIST_REMOVE_MAX_CONTACTS, listRemoveDefaults } from '../../limits';
import { listRemoval } from '../../listRemoval';
import { SEARCH_MAX_EMAIL_LENGTH } from '../../lookup';
import { sendGridTransport } from '../../transport';
import { DEFAULT_MAX_WAIT_MINUTES } from '../options';

const show = { resource: ['contactList'], operation: ['removeContacts'] };

const waitFields: INodeProperties[] = [
	{
		displayName: 'Wait for Removal',
		name: 'waitForRemoval',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until SendGrid has taken the contacts off the list, checking with lookups, and report "removed" per contact. Off: each member reports "queued" with its job ID as soon as SendGrid accepts the request.',
	},
	{
		displayName: 'Max Wait (Minutes)',
		name: 'maxWaitMinutes',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		default: DEFAULT_MAX_WAIT_MINUTES,
		description: 'With Wait for Removal: how long to wait for one request\'s contacts before reporting those still in the list as "queued"',
	},
];

const properties: INodeProperties[] = [
	{
		displayName: 'List Name or ID',
		name: 'listId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLists' },
		default: '',
		required: true,
		description:
			'The list to take the contacts off. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	itemEmailProperty('The contact to take off the list. The contact itself stays in SendGrid.'),
	{
		displayName:
			'SendGrid removes list members by contact ID: the node looks up to 100 emails per request, then removes the members among them in one request. Unknown emails are reported "not_found" and not sent. The contacts stay in SendGrid.',
		name: 'removeContactsNotice',
		type: 'notice',
		default: '',
	},
	optionsCollection(listRemoveDefaults, waitFields),
];

export const description = updateDisplayOptions({ show }, properties);

function toPrepared(value: unknown): PreparedItem<string> {
	const read = readEmail(value);
	if ('problem' in read) return { ok: false, email: typeof value === 'string' ? value : undefined, field: 'email', message: read.problem };
	// search/emails, the only way from an email to the contact id, takes addresses of at most 100 characters.
	if (read.email.length > SEARCH_MAX_EMAIL_LENGTH) {
		return { ok: false, email: read.email, field: 'email', message: `is longer than ${SEARCH_MAX_EMAIL_LENGTH} characters, which SendGrid's contact search cannot look up` };
	}
	return { ok: true, key: read.email, email: read.email, contact: read.email };
}

/** search/emails (≤100) then DELETE /v3/marketing/lists/{id}/contacts?contact_ids=… for the members found. */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<string>> {
	const listId = String(this.getNodeParameter('listId', 0, '') ?? '').trim();
	if (listId === '') throw new NodeOperationError(this.getNode(), 'Choose the list to remove the contacts from');
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const minutes = typeof options.maxWaitMinutes === 'number' && options.maxWaitMinutes > 0 ? options.maxWaitMinutes : DEFAULT_MAX_WAIT_MINUTES;
	const removal = listRemoval({ listId, maxWaitMs: options.waitForRemoval === true ? Math.round(minutes * 60_000) : 0 });
	const email = itemParameterReader(this, 'email');
	return {
		transport: await sendGridTransport(this),
		defaults: listRemoveDefaults,
		adapter: {
			limits: { maxContacts: LIST_REMOVE_MAX_CONTACTS, idempotent: true },
			envelope: { before: '[', after: ']' },
			toContact: (item: INodeExecutionData, i: number) => toPrepared(email(item, i)),
			precheck: removal.precheck,
			send: removal.send,
			interpret: removal.interpret,
		},
	};
}
