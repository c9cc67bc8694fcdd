import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { ALTERNATE_EMAILS, IDENTIFIERS, RESERVED_FIELDS } from '../fields';
import type { CustomFieldType } from '../schemas';

import { fetchCustomFields } from './api';

const FIELD_TYPES: Record<CustomFieldType, FieldType> = { Text: 'string', Number: 'number', Date: 'dateTime' };

function field(id: string, displayName: string, type: FieldType, extra: Partial<ResourceMapperField> = {}): ResourceMapperField {
	return { id, displayName, type, required: false, defaultMatch: false, canBeUsedToMatch: false, display: true, ...extra };
}

/** Identifiers (email is the default match), reserved fields, then the account's custom fields by name. */
export async function getContactFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const custom = await fetchCustomFields(this);
	const fields: ResourceMapperField[] = [
		...IDENTIFIERS.map((identifier) =>
			field(identifier.name, identifier.displayName, 'string', { defaultMatch: identifier.name === 'email', canBeUsedToMatch: true }),
		),
		...RESERVED_FIELDS.map((reserved) => field(reserved.name, reserved.displayName, 'string')),
		field(ALTERNATE_EMAILS.name, `${ALTERNATE_EMAILS.displayName} (Comma-Separated)`, 'string'),
		...custom.map((definition) =>
			field(definition.name, `${definition.name} (${definition.type}${definition.type === 'Date' ? ', sent as MM/DD/YYYY' : ''})`, FIELD_TYPES[definition.type]),
		),
	];
	return { fields };
}
