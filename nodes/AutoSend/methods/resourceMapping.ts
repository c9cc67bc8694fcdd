import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { ITEM_EMAIL } from '../../shared/contactInput/properties';
import { fieldsOrNotice, mapperField } from '../../shared/mapperField';
import { STANDARD_FIELDS } from '../fields';
import type { CustomFieldType } from '../schemas';

import { fetchCustomFields } from './api';

const FIELD_TYPES: Record<CustomFieldType, FieldType> = { string: 'string', number: 'number', boolean: 'boolean', date: 'dateTime' };

/** Email (the match key), the standard fields, then the project's custom fields with their declared types. */
async function contactFields(ctx: ILoadOptionsFunctions, withLists: boolean): Promise<ResourceMapperFields> {
	const custom = await fetchCustomFields(ctx);
	const fields: ResourceMapperField[] = [
		mapperField('email', 'Email', 'string', { required: true, defaultMatch: true, canBeUsedToMatch: true, defaultValue: ITEM_EMAIL }),
		...STANDARD_FIELDS.map((standard) => mapperField(standard.name, standard.displayName, 'string')),
	];
	if (withLists) fields.push(mapperField('listIds', 'List IDs (Comma-Separated)', 'string'));
	for (const definition of custom) {
		const hint = definition.type === 'date' ? ', sent as YYYY-MM-DD' : '';
		fields.push(mapperField(definition.name, `${definition.name} (${definition.type}${hint})`, FIELD_TYPES[definition.type]));
	}
	return { fields };
}

export async function getContactFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await fieldsOrNotice(async () => await contactFields(this, true));
}

/** Bulk update has no listIds. */
export async function getBulkContactFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await fieldsOrNotice(async () => await contactFields(this, false));
}
