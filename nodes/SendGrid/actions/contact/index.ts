import type { INodeProperties } from 'n8n-workflow';

import * as upsert from './upsert.operation';

export { upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update contacts',
			},
		],
		default: 'upsert',
	},
	...upsert.description,
];
