import type { INodeProperties } from 'n8n-workflow';

/** List ids from the multi-select (or an expression giving an array or a comma-separated text). */
export function readListIds(value: unknown): string[] {
	const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return [...new Set(raw.map((id) => String(id).trim()).filter((id) => id !== ''))];
}

export function listIdsProperty(required: boolean): INodeProperties {
	return {
		displayName: required ? 'List Names or IDs' : 'Add to List Names or IDs',
		name: 'listIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLists' },
		default: [],
		required,
		description:
			'Contact lists every contact is added to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}
