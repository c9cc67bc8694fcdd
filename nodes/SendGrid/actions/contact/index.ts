import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/description';

import * as upsert from './upsert.operation';

export { upsert };

export const description: INodeProperties[] = [
	operationSelector('contact', 'upsert', [
		{
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: 'Create or update contacts',
		},
	]),
	...upsert.description,
];
