import type { ICredentialType, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { packageSources } from '../packageEntries';

type Choice = INodePropertyOptions | INodePropertyCollection | INodeProperties;

/**
 * What a saved workflow depends on: parameter names, types, defaults, option values and when each
 * parameter shows. Help texts (description, hint, placeholder) are left out on purpose: they may change.
 */
function shape(property: INodeProperties): Record<string, unknown> {
	return {
		name: property.name,
		displayName: property.displayName,
		type: property.type,
		default: property.default,
		required: property.required,
		noDataExpression: property.noDataExpression,
		displayOptions: property.displayOptions,
		typeOptions: property.typeOptions,
		options: property.options?.map(choice),
	};
}

function choice(option: Choice): unknown {
	if ('type' in option) return shape(option);
	if ('values' in option) return { name: option.name, displayName: option.displayName, values: option.values.map(shape) };
	return { name: option.name, value: option.value, action: option.action };
}

function nodeInterface(node: INodeType): Record<string, unknown> {
	const { description } = node;
	return {
		name: description.name,
		version: description.version,
		credentials: description.credentials,
		methods: Object.fromEntries(Object.entries(node.methods ?? {}).map(([kind, methods]) => [kind, Object.keys(methods).sort()])),
		properties: description.properties.map(shape),
	};
}

function credentialInterface(credential: ICredentialType): Record<string, unknown> {
	return { name: credential.name, properties: credential.properties.map(shape) };
}

describe('the interface saved workflows depend on', () => {
	// Every node and credential the package declares to n8n (package.json "n8n"), from the sources.
	for (const node of packageSources<INodeType>('nodes')) {
		it(`${node.description.displayName} node parameters are unchanged`, () => {
			expect(nodeInterface(node)).toMatchSnapshot();
		});
	}
	for (const credential of packageSources<ICredentialType>('credentials')) {
		it(`${credential.displayName.replace(/ API$/, '')} credential properties are unchanged`, () => {
			expect(credentialInterface(credential)).toMatchSnapshot();
		});
	}
});
