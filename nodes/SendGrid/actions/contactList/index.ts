import type { INodeProperties } from 'n8n-workflow';

import * as addContacts from './addContacts.operation';

export { addContacts };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactList'] } },
		options: [
			{
				name: 'Add Contacts',
				value: 'addContacts',
				description: 'Add many contacts to one or more lists, creating contacts that do not exist',
				action: 'Add contacts to lists',
			},
		],
		default: 'addContacts',
	},
	...addContacts.description,
];
