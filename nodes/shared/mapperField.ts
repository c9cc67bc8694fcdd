import type { FieldType, ResourceMapperField } from 'n8n-workflow';

/** A column of the contact mapping: optional, shown, not a match key unless `extra` says so. */
export function mapperField(id: string, displayName: string, type: FieldType, extra: Partial<ResourceMapperField> = {}): ResourceMapperField {
	return { id, displayName, type, required: false, defaultMatch: false, canBeUsedToMatch: false, display: true, ...extra };
}
