import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/description';
import { sharedOperation } from '../../../shared/operations';

import * as addContacts from './addContacts.operation';
import * as removeContacts from './removeContacts.operation';

export { addContacts, removeContacts };

export const description: INodeProperties[] = [
	operationSelector('contactList', 'addContacts', [
		{
			name: 'Add Contacts',
			value: 'addContacts',
			description: 'Add many contacts to one or more lists, creating contacts that do not exist',
			action: 'Add contacts to lists',
		},
		sharedOperation.removeContacts(),
	]),
	...addContacts.description,
	...removeContacts.description,
];
