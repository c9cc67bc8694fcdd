import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/description';

import * as addContacts from './addContacts.operation';
import * as removeContacts from './removeContacts.operation';

export { addContacts, removeContacts };

export const description: INodeProperties[] = [
	operationSelector('contactList', 'addContacts', [
		{
			name: 'Add Contacts',
			value: 'addContacts',
			description: 'Add contacts to a list by email, creating contacts that do not exist',
			action: 'Add contacts to a list',
		},
		{
			name: 'Remove Contacts',
			value: 'removeContacts',
			description: 'Take contacts off a list by email; the contacts themselves stay',
			action: 'Remove contacts from a list',
		},
	]),
	...addContacts.description,
	...removeContacts.description,
];
