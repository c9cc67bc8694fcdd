import { NodeConnectionTypes, type INodeProperties, type INodePropertyOptions, type INodeTypeDescription } from 'n8n-workflow';

/** What tells one contact-sync node from another in the node panel. */
export interface ContactSyncNodeIdentity {
	displayName: string;
	name: string;
	description: string;
	credential: string;
}

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

/** Every node's subtitle: the operation and resource the node is set to. */
export const operationSubtitle = '={{$parameter["operation"] + ": " + $parameter["resource"]}}';

/**
 * What a contact-sync node's description shares: one main input and output, its credential and the
 * Resource selector ahead of the operations' properties. The node class adds what n8n's lint reads in
 * the class itself (icon, subtitle, usableAsTool); n8n's versioned nodes assemble theirs the same way.
 */
export function contactSyncNodeDescription(
	node: ContactSyncNodeIdentity,
	properties: INodeProperties[],
): Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool'> {
	return {
		displayName: node.displayName,
		name: node.name,
		group: ['output'],
		version: 1,
		description: node.description,
		defaults: { name: node.displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: node.credential, required: true }],
		properties: [resourceSelector, ...properties],
	};
}

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
