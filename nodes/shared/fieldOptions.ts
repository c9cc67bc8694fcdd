import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Set Fields' custom-field dropdown: each definition by name with its type, alphabetical. The value
 * stays the name, which is what saved workflows hold; `describe` says how the provider takes the type.
 */
export function customFieldOptions<F extends { name: string; type: string }>(fields: F[], describe: (field: F) => string): INodePropertyOptions[] {
	return fields
		.map((field) => ({ name: `${field.name} (${field.type})`, value: field.name, description: describe(field) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
