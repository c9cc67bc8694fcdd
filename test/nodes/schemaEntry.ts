import type { FieldType } from 'n8n-workflow';

/** A resource-mapper schema entry as the editor saves it with the workflow. */
export function schemaEntry(id: string, type: FieldType) {
	return { id, displayName: id, required: false, defaultMatch: false, canBeUsedToMatch: false, display: true, type };
}

/** The JSON body a logged emulator request carried. */
export function bodyOf(entry: { requestBody?: Buffer }): Record<string, unknown> {
	return JSON.parse(entry.requestBody?.toString('utf8') ?? 'null') as Record<string, unknown>;
}
