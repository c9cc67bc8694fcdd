import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/description';

import * as addContacts from './addContacts.operation';

export { addContacts };

export const description: INodeProperties[] = [
	operationSelector('contactList', 'addContacts', [
		{
			name: 'Add Contacts',
			value: 'addContacts',
			description: 'Add contacts to a list by email, creating contacts that do not exist',
			action: 'Add contacts to a list',
		},
	]),
	...addContacts.description,
];
