import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { bulkOperation, routeOperation } from '../../shared/router';

import * as contact from './contact';
import * as contactList from './contactList';

const operations = {
	contact: {
		upsert: bulkOperation(contact.upsert.build),
		get: bulkOperation(contact.get.build),
		delete: bulkOperation(contact.delete.build),
	},
	contactList: {
		addContacts: bulkOperation(contactList.addContacts.build),
		removeContacts: bulkOperation(contactList.removeContacts.build),
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
