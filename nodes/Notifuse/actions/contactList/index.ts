import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/description';

import * as addContacts from './addContacts.operation';

export { addContacts };

export const selector: INodeProperties = operationSelector('contactList', 'addContacts', [
	{
		name: 'Add Contacts',
		value: 'addContacts',
		description: 'Subscribe many contacts to one or more lists, creating or updating them',
		action: 'Add contacts to lists',
	},
]);

export const properties: INodeProperties[] = [...addContacts.description];
