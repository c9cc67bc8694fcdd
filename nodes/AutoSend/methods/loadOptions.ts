import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchCustomFields } from './api';

const TYPE_NAMES = { string: 'String', number: 'Number', boolean: 'Boolean', date: 'Date' } as const;

/**
 * Set Fields' custom field names: the project's definitions with their types. The value stays the
 * name; the row's Type is still picked beside it (a dropdown cannot set another column), so the
 * description says which.
 */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await fetchCustomFields(this);
	return fields
		.map((field) => ({
			name: `${field.name} (${field.type})`,
			value: field.name,
			description: `${TYPE_NAMES[field.type]} custom field: set Type to ${TYPE_NAMES[field.type]}${field.type === 'date' ? ' (sent as YYYY-MM-DD)' : ''}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
