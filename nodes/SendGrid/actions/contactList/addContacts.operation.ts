import { NodeOperationError, updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { emailReader } from '../contactInput';
import { upsertOptions } from '../jobOptions';
import { listIdsProperty, readListIds } from '../lists';
import type { PreparedOperation } from '../operation';
import { prepareUpsert } from '../upsertContacts';

const show = { resource: ['contactList'], operation: ['addContacts'] };

const properties: INodeProperties[] = [
	listIdsProperty(true),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '={{ $json.email }}',
		required: true,
		description: 'The contact to add. A contact that does not exist yet is created.',
	},
	{
		displayName:
			'SendGrid adds contacts to lists through its contact upsert: up to 30,000 contacts per request, and other fields of existing contacts stay as they are',
		name: 'addContactsNotice',
		type: 'notice',
		default: '',
	},
	upsertOptions,
];

export const description = updateDisplayOptions({ show }, properties);

/** Many contacts into one or more lists: the upsert path with list_ids. */
export async function prepare(this: IExecuteFunctions): Promise<PreparedOperation> {
	const listIds = readListIds(this.getNodeParameter('listIds', 0, []));
	if (listIds.length === 0) throw new NodeOperationError(this.getNode(), 'Choose at least one list to add the contacts to');
	return await prepareUpsert(this, listIds, emailReader(this));
}
