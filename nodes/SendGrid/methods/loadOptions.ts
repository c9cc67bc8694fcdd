import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { customFieldOptions } from '../../shared/fieldOptions';
import { fetchCustomFields, fetchLists } from './api';

export async function getLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = await fetchLists(this);
	return lists
		.map((list) => ({ name: list.name, value: list.id, description: list.count === undefined ? undefined : `${list.count} contacts` }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Set Fields' custom field names: the account's definitions, each with its type (the value stays the name). */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return customFieldOptions(
		await fetchCustomFields(this),
		(field) => `${field.type} custom field${field.type === 'Date' ? ', sent as MM/DD/YYYY' : ''}`,
	);
}
