import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { customFieldOptions } from '../../shared/fieldOptions';
import { fetchCustomFields } from './api';

const TYPE_NAMES = { string: 'String', number: 'Number', boolean: 'Boolean', date: 'Date' } as const;

/**
 * Set Fields' custom field names: the project's definitions with their types. The value stays the
 * name; the row's Type is still picked beside it (a dropdown cannot set another column), so the
 * description says which.
 */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return customFieldOptions(
		await fetchCustomFields(this),
		(field) =>
			`${TYPE_NAMES[field.type]} custom field: set Type to ${TYPE_NAMES[field.type]}${field.type === 'date' ? ' (sent as YYYY-MM-DD)' : ''}`,
	);
}
