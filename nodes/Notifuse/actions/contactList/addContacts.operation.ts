import { type IExecuteFunctions, type INodeProperties, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/options';
import type { BulkOperation } from '../../../shared/router';
import { readSelection } from '../../../shared/selection';
import type { NotifuseContact } from '../../contact';
import { importDefaults, importOperation } from '../batchImport';
import { contactInputProperties } from '../contactInput';

const show = { resource: ['contactList'], operation: ['addContacts'] };

const properties: INodeProperties[] = [
	{
		displayName: 'List Names or IDs',
		name: 'listIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLists', loadOptionsDependsOn: ['workspaceId'] },
		required: true,
		default: [],
		description:
			'The lists to subscribe the contacts to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName:
			"Contacts are created or updated and subscribed as active, without double opt-in. Notifuse keeps contacts that unsubscribed, bounced or complained as they are and does not report it.",
		name: 'addContactsNotice',
		type: 'notice',
		default: '',
	},
	...contactInputProperties(false),
	optionsCollection(importDefaults),
];

export const description = updateDisplayOptions({ show }, properties);

/** Many contacts into one or more lists in batches: contacts.import with subscribe_to_lists. */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<NotifuseContact>> {
	const listIds = readSelection(this.getNodeParameter('listIds', 0, []));
	if (listIds.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one list to add the contacts to');
	}
	return await importOperation(this, listIds, (op) => ({
		status: 'added',
		details: { listIds, contactAction: op.action === 'create' ? 'created' : 'updated' },
	}));
}
