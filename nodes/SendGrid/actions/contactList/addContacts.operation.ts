import { NodeOperationError, updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { itemEmailProperty } from '../../../shared/contactInput/properties';
import type { BulkOperation } from '../../../shared/router';
import { readSelection } from '../../../shared/selection';
import type { SendGridContact } from '../../contact';
import { emailReader } from '../contactInput';
import { listIdsProperty } from '../listIds';
import { upsertOptions } from '../options';
import { upsertOperation } from '../upsertContacts';

const show = { resource: ['contactList'], operation: ['addContacts'] };

const properties: INodeProperties[] = [
	listIdsProperty(true),
	itemEmailProperty('The contact to add. A contact that does not exist yet is created.'),
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
export async function build(this: IExecuteFunctions): Promise<BulkOperation<SendGridContact>> {
	const listIds = readSelection(this.getNodeParameter('listIds', 0, []));
	if (listIds.length === 0) throw new NodeOperationError(this.getNode(), 'Choose at least one list to add the contacts to');
	return await upsertOperation(this, listIds, emailReader(this));
}
