import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { ITEM_EMAIL } from '../../shared/contactInput/properties';
import { fieldsOrNotice, mapperField } from '../../shared/mapperField';
import { ALTERNATE_EMAILS, IDENTIFIERS, RESERVED_FIELDS } from '../fields';
import type { CustomFieldType } from '../schemas';

import { fetchCustomFields } from './api';

const FIELD_TYPES: Record<CustomFieldType, FieldType> = { Text: 'string', Number: 'number', Date: 'dateTime' };

/** Identifiers (email is the default match), reserved fields, then the account's custom fields by name. */
export async function getContactFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await fieldsOrNotice(async () => await contactFields(this));
}

async function contactFields(ctx: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const custom = await fetchCustomFields(ctx);
	const fields: ResourceMapperField[] = [
		...IDENTIFIERS.map((identifier) =>
			mapperField(identifier.name, identifier.displayName, 'string', {
				canBeUsedToMatch: true,
				...(identifier.name === 'email' ? { defaultMatch: true, defaultValue: ITEM_EMAIL } : {}),
			}),
		),
		...RESERVED_FIELDS.map((reserved) => mapperField(reserved.name, reserved.displayName, 'string')),
		mapperField(ALTERNATE_EMAILS.name, `${ALTERNATE_EMAILS.displayName} (Comma-Separated)`, 'string'),
		...custom.map((definition) =>
			mapperField(definition.name, `${definition.name} (${definition.type}${definition.type === 'Date' ? ', sent as MM/DD/YYYY' : ''})`, FIELD_TYPES[definition.type]),
		),
	];
	return { fields };
}
