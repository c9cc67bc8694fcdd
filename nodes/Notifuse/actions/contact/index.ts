import type { INodeProperties } from 'n8n-workflow';

import * as importContacts from './import.operation';
import * as upsert from './upsert.operation';

export { importContacts as import, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Import',
				value: 'import',
				description: 'Create or update many contacts in batches (contacts.import)',
				action: 'Import contacts',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a contact',
			},
		],
		default: 'import',
	},
	...importContacts.description,
	...upsert.description,
];
