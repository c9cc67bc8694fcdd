import type { FieldType, ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { mapperField } from '../../shared/mapperField';
import { CONTACT_FIELDS, type FieldKind } from '../fields';

import { fetchCustomFieldLabels } from './api';

// Date-times stay text so the node, not the editor, decides what RFC 3339 input is accepted.
const FIELD_TYPES: Record<FieldKind, FieldType> = { string: 'string', number: 'number', datetime: 'string', json: 'object' };

/** Email first (the match key), then every contact field; custom slots carry the workspace's labels. */
export async function getContactFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const labels = await fetchCustomFieldLabels(this);
	const email = mapperField('email', 'Email', 'string', { required: true, defaultMatch: true, canBeUsedToMatch: true });
	const fields = CONTACT_FIELDS.map((field) =>
		mapperField(field.name, field.custom && labels[field.name] ? `${labels[field.name]} (${field.name})` : field.displayName, FIELD_TYPES[field.kind]),
	);
	return { fields: [email, ...fields] };
}
