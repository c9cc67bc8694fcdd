import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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
