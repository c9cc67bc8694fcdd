import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/description';

import * as importContacts from './import.operation';
import * as upsert from './upsert.operation';

export { importContacts as import, upsert };

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
]);

export const properties: INodeProperties[] = [...importContacts.description, ...upsert.description];
