import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/description';
import { sharedOperation } from '../../../shared/operations';

import * as addContacts from './addContacts.operation';
import * as removeContacts from './removeContacts.operation';

export { addContacts, removeContacts };

export const selector: INodeProperties = operationSelector('contactList', 'addContacts', [
	{
		name: 'Add Contacts',
		value: 'addContacts',
		description: 'Subscribe many contacts to one or more lists, creating or updating them',
		action: 'Add contacts to lists',
	},
	sharedOperation.removeContacts(),
]);

export const properties: INodeProperties[] = [...addContacts.description, ...removeContacts.description];
