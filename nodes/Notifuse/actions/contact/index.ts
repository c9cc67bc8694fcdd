import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/description';
import { sharedOperation } from '../../../shared/operations';

import * as deleteContacts from './delete.operation';
import * as get from './get.operation';
import * as importContacts from './import.operation';
import * as upsert from './upsert.operation';

export { deleteContacts as delete, get, importContacts as import, upsert };

export const selector: INodeProperties = operationSelector('contact', 'import', [
	{
		name: 'Import',
		value: 'import',
		description: 'Create or update many contacts in batches (contacts.import)',
		action: 'Import contacts',
	},
	sharedOperation.upsert(),
	sharedOperation.delete('Delete contacts by email, one request per contact (contacts.delete)'),
	sharedOperation.get('Look contacts up by email, one request per contact (contacts.getByEmail)'),
]);

export const properties: INodeProperties[] = [...importContacts.description, ...upsert.description, ...get.description, ...deleteContacts.description];
