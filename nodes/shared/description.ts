import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The resources every contact-sync node offers. */
export const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Contact', value: 'contact' },
		{ name: 'Contact List', value: 'contactList' },
	],
	default: 'contact',
};

/** The Operation selector of one resource; each operation's own properties are scoped in its file. */
export function operationSelector(resource: string, defaultOperation: string, operations: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operations,
		default: defaultOperation,
	};
}
