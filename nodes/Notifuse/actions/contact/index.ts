import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/description';

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
	{
		name: 'Create or Update',
		value: 'upsert',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		action: 'Create or update a contact',
	},
	{
		name: 'Delete',
		value: 'delete',
		description: 'Delete contacts by email, one request per contact (contacts.delete)',
		action: 'Delete contacts',
	},
	{
		name: 'Get',
		value: 'get',
		description: 'Look contacts up by email, one request per contact (contacts.getByEmail)',
		action: 'Get contacts',
	},
]);

export const properties: INodeProperties[] = [...importContacts.description, ...upsert.description, ...get.description, ...deleteContacts.description];
