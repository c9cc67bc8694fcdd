import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/description';
import { sharedOperation } from '../../../shared/operations';

import * as bulkUpdate from './bulkUpdate.operation';
import * as create from './create.operation';
import * as deleteContacts from './delete.operation';
import * as get from './get.operation';
import * as upsert from './upsert.operation';

export { bulkUpdate, create, deleteContacts as delete, get, upsert };

export const description: INodeProperties[] = [
	operationSelector('contact', 'upsert', [
		{
			name: 'Bulk Update',
			value: 'bulkUpdate',
			description: 'Create or update up to 100 contacts per request by email (no list changes)',
			action: 'Create or update contacts in bulk',
		},
		{
			name: 'Create',
			value: 'create',
			description: 'Create new contacts; fails for emails that already exist',
			action: 'Create a contact',
		},
		sharedOperation.upsert(),
		sharedOperation.delete('Delete contacts by email, 100 per request'),
		sharedOperation.get('Look contacts up by email, 100 per request'),
	]),
	...create.description,
	...upsert.description,
	...bulkUpdate.description,
	...get.description,
	...deleteContacts.description,
];
