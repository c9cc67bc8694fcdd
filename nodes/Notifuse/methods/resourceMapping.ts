import type { FieldType, ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { ITEM_EMAIL } from '../../shared/contactInput/properties';
import { fieldsOrNotice, mapperField } from '../../shared/mapperField';
import { CONTACT_FIELDS, type FieldKind } from '../fields';

import { fetchCustomFieldLabels } from './api';

// Date-times stay text so the node, not the editor, decides what RFC 3339 input is accepted (n8n's
// dateTime would read a zone-less value in the instance's time zone). JSON slots are declared text
// too: n8n's `object` type rejects arrays, which Notifuse stores; the node checks the shape itself.
const FIELD_TYPES: Record<FieldKind, FieldType> = { string: 'string', number: 'number', datetime: 'string', json: 'string' };

const DATETIME_HINT = ' — no time zone means UTC';

/** Email first (the match key), then every contact field; custom slots carry the workspace's labels. */
export async function getContactFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await fieldsOrNotice(async () => await contactFields(this));
}

async function contactFields(ctx: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const labels = await fetchCustomFieldLabels(ctx);
	const email = mapperField('email', 'Email', 'string', { required: true, defaultMatch: true, canBeUsedToMatch: true, defaultValue: ITEM_EMAIL });
	const fields = CONTACT_FIELDS.map((field) =>
		mapperField(
			field.name,
			`${field.custom && labels[field.name] ? `${labels[field.name]} (${field.name})` : field.displayName}${field.kind === 'datetime' ? DATETIME_HINT : ''}`,
			FIELD_TYPES[field.kind],
		),
	);
	return { fields: [email, ...fields] };
}
