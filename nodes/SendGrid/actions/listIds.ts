import type { INodeProperties } from 'n8n-workflow';

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
