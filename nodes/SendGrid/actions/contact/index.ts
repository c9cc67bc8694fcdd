import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/description';
import { sharedOperation } from '../../../shared/operations';

import * as deleteContacts from './delete.operation';
import * as get from './get.operation';
import * as upsert from './upsert.operation';

export { deleteContacts as delete, get, upsert };

export const description: INodeProperties[] = [
	operationSelector('contact', 'upsert', [
		sharedOperation.upsert('Create or update contacts'),
		sharedOperation.delete('Delete contacts by email (looked up first; SendGrid deletes asynchronously)'),
		sharedOperation.get('Look contacts up by email, 100 per request'),
	]),
	...upsert.description,
	...get.description,
	...deleteContacts.description,
];
