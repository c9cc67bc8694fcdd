import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/description';

import * as deleteContacts from './delete.operation';
import * as get from './get.operation';
import * as upsert from './upsert.operation';

export { deleteContacts as delete, get, upsert };

export const description: INodeProperties[] = [
	operationSelector('contact', 'upsert', [
		{
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: 'Create or update contacts',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete contacts by email (looked up first; SendGrid deletes asynchronously)',
			action: 'Delete contacts',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Look contacts up by email, 100 per request',
			action: 'Get contacts',
		},
	]),
	...upsert.description,
	...get.description,
	...deleteContacts.description,
];
