import { PackageDirectoryLoader } from 'n8n-core';
import {
	NodeConnectionTypes,
	NodeHelpers,
	type ICredentialType,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
} from 'n8n-workflow';

export const INPUT_NODE_TYPE = 'harness.input';

/** A start node that emits whatever items the current run was given. */
export class HarnessInputNode implements INodeType {
	items: INodeExecutionData[] = [];

	description: INodeType['description'] = {
		displayName: 'Harness Input',
		name: 'harnessInput',
		group: ['input'],
		version: 1,
		description: 'Emits the test items',
		defaults: { name: 'Input' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// `this` is n8n's execute context, so the items live on the node type instance captured below.
		return [inputNode.items];
	}
}

const inputNode = new HarnessInputNode();

/** Node and credential types of one or more community packages, loaded the way n8n loads them. */
export class HarnessNodeTypes implements INodeTypes {
	readonly input = inputNode;

	private constructor(
		private readonly loaders: PackageDirectoryLoader[],
		readonly credentialTypes: Map<string, ICredentialType>,
		private readonly extra: Record<string, INodeType>,
	) {}

	/** `extra`: node types by full name that live in no package (the benchmark's reference node). */
	static async load(packages: Array<{ dir: string; include?: string[] }>, extra: Record<string, INodeType> = {}): Promise<HarnessNodeTypes> {
		const loaders: PackageDirectoryLoader[] = [];
		const credentialTypes = new Map<string, ICredentialType>();
		for (const { dir, include } of packages) {
			const loader = new PackageDirectoryLoader(dir, [], include ?? []);
			await loader.loadAll();
			loaders.push(loader);
			for (const [name, { type }] of Object.entries(loader.credentialTypes)) credentialTypes.set(name, type);
		}
		return new HarnessNodeTypes(loaders, credentialTypes, extra);
	}

	get packageNames(): string[] {
		return this.loaders.map((loader) => loader.packageName);
	}

	getByName(type: string): INodeType | IVersionedNodeType {
		if (type === INPUT_NODE_TYPE) return inputNode;
		if (type in this.extra) return this.extra[type];
		for (const loader of this.loaders) {
			const prefix = `${loader.packageName}.`;
			if (!type.startsWith(prefix)) continue;
			return loader.getNode(type.slice(prefix.length)).type;
		}
		throw new Error(`Unrecognized node type: ${type}`);
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		const known: Record<string, { className: string; sourcePath: string }> = {};
		for (const loader of this.loaders) {
			for (const [name, entry] of Object.entries(loader.known.nodes)) known[`${loader.packageName}.${name}`] = entry;
		}
		return known;
	}
}
