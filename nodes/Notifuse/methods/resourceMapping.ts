import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { CONTACT_FIELDS, type FieldKind } from '../fields';

import { fetchCustomFieldLabels } from './api';

// Date-times stay text so the node, not the editor, decides what RFC 3339 input is accepted.
const FIELD_TYPES: Record<FieldKind, FieldType> = { string: 'string', number: 'number', datetime: 'string', json: 'object' };

/** Email first (the match key), then every contact field; custom slots carry the workspace's labels. */
export async function getContactFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const labels = await fetchCustomFieldLabels(this);
	const email: ResourceMapperField = {
		id: 'email',
		displayName: 'Email',
		required: true,
		defaultMatch: true,
		canBeUsedToMatch: true,
		display: true,
		type: 'string',
	};
	const fields = CONTACT_FIELDS.map(
		(field): ResourceMapperField => ({
			id: field.name,
			displayName: field.custom && labels[field.name] ? `${labels[field.name]} (${field.name})` : field.displayName,
			required: false,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: FIELD_TYPES[field.kind],
		}),
	);
	return { fields: [email, ...fields] };
}
