import { type IDataObject, type IExecuteFunctions, type INodeProperties, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/options';
import type { BulkOperation } from '../../../shared/router';
import { readSelection } from '../../../shared/selection';
import type { NotifuseContact } from '../../contact';
import { importDefaults, importOperation } from '../batchImport';
import { contactInputProperties } from '../contactInput';

const show = { resource: ['contact'], operation: ['import'] };

const subscribeOption: INodeProperties = {
	displayName: 'Subscribe to List Names or IDs',
	name: 'subscribeToLists',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getLists', loadOptionsDependsOn: ['workspaceId'] },
	default: [],
	description:
		'Lists every imported contact is subscribed to (as active, without double opt-in). Contacts that unsubscribed, bounced or complained stay as they are. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const properties: INodeProperties[] = [
	...contactInputProperties(false),
	optionsCollection(importDefaults, [subscribeOption]),
];

export const description = updateDisplayOptions({ show }, properties);

/** Batch create-or-update through contacts.import. */
export async function build(this: IExecuteFunctions): Promise<BulkOperation<NotifuseContact>> {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const listIds = readSelection(options.subscribeToLists);
	return await importOperation(this, listIds, (op) => ({
		status: op.action === 'create' ? 'created' : 'updated',
		details: listIds.length > 0 ? { listIds } : undefined,
	}));
}
