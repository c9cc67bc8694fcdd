import type { FieldType, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

/** A column of the contact mapping: optional, shown, not a match key unless `extra` says so. */
export function mapperField(id: string, displayName: string, type: FieldType, extra: Partial<ResourceMapperField> = {}): ResourceMapperField {
	return { id, displayName, type, required: false, defaultMatch: false, canBeUsedToMatch: false, display: true, ...extra };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The editor drops an error thrown by a resourceMapping method (n8n's getResourceMapperFields answers
 * null, and the mapper says only "No fields found … Retry"); an answer's `emptyFieldsNotice` is shown,
 * as HTML. So a failed field read answers no fields and its message, escaped, as the notice.
 */
export async function fieldsOrNotice(read: () => Promise<ResourceMapperFields>): Promise<ResourceMapperFields> {
	try {
		return await read();
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { fields: [], emptyFieldsNotice: message.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]) };
	}
}
