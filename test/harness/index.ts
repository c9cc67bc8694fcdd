import './env';

import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ExecutionError,
	type ICredentialDataDecryptedObject,
	type IConnections,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IRun,
	type IRunExecutionData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { testCredential, type CredentialTestResult } from './credentialTest';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { harnessDeduplicator, type InMemoryDeduplicator } from './deduplication';
import { HarnessNodeTypes, INPUT_NODE_TYPE } from './nodeTypes';

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface RunOptions {
	/** Short node name (`autoSend`) or full type (`n8n-nodes-contact-sync.autoSend`). */
	nodeType: string;
	typeVersion?: number;
	parameters: INodeParameters;
	/** Credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	items: INodeExecutionData[];
	onError?: OnError;
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
	/** Cancel the execution this many ms after it starts (as the editor's stop button does). */
	cancelAfterMs?: number;
	/** Receives a function that cancels the execution, to cancel on an event instead of a timer. */
	onStart?: (cancel: () => void) => void;
}

export interface RunResult {
	/** The node's outputs: [0] main, [1] error output with continueErrorOutput. Empty when it threw. */
	outputs: INodeExecutionData[][];
	/** The error the node (or workflow) ended with, if any. */
	error?: ExecutionError;
	status: IRun['status'];
	durationMs: number;
	run: IRun;
}

export interface MethodCall {
	nodeType: string;
	/** `listSearch`, `loadOptions`, `resourceMapping` ... as in the node's `methods`. */
	kind: 'listSearch' | 'loadOptions' | 'resourceMapping';
	method: string;
	/** The node's current parameters (what the editor would send). */
	parameters?: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Arguments passed to the method (listSearch: filter, paginationToken). */
	args?: unknown[];
}

export interface Harness {
	packageNames: string[];
	run(options: RunOptions): Promise<RunResult>;
	/** Calls one of the node's editor methods (list pickers, column mapping) with real HTTP. */
	callMethod<T = unknown>(call: MethodCall): Promise<T>;
	/** Runs a credential type's `test` request against the given data. */
	testCredential(type: string, data: ICredentialDataDecryptedObject): Promise<CredentialTestResult>;
	/** The processed-data store behind the nodes' `helpers.checkProcessedAndRecord` (kept across runs). */
	processedData: InMemoryDeduplicator;
}

const NODE_NAME = 'Contact Sync';
const INPUT_NAME = 'Input';

function fullType(nodeTypes: HarnessNodeTypes, nodeType: string): string {
	if (nodeType.includes('.')) return nodeType;
	return `${nodeTypes.packageNames[0]}.${nodeType}`;
}

/** Lifecycle hooks for a throwaway workflow: n8n-core wants the workflow's data, the harness has no stored one. */
function harnessHooks(mode: 'manual' | 'internal', nodes: INode[], connections: IConnections = {}): ExecutionLifecycleHooks {
	return new ExecutionLifecycleHooks(mode, 'harness', {
		id: 'harness',
		name: 'Harness',
		nodes,
		connections,
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	});
}

function additionalDataFor(
	credentialsHelper: HarnessCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const data: Partial<IWorkflowExecuteAdditionalData> = {
		executionId: 'harness',
		credentialsHelper,
		hooks,
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		variables: {},
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
	};
	return data as IWorkflowExecuteAdditionalData;
}

/**
 * Runs community nodes through n8n-core's real WorkflowExecute: node settings (On Error,
 * Retry On Fail), error-output routing, pairing and cancellation behave as in n8n itself.
 */
export interface HarnessOptions {
	packageDir?: string;
	/** Further packages, e.g. n8n-nodes-base with `include` naming the nodes to load from it. */
	packages?: Array<{ dir: string; include?: string[] }>;
	/** Redirects outgoing request URLs (for nodes that hard-code the provider's host). */
	rewriteUrl?: (url: string) => string;
	/** Node types by full name (`pkg.name`) that are not in a package directory. */
	nodes?: Record<string, INodeType>;
}

export async function createHarness(options: HarnessOptions): Promise<Harness> {
	const packages = [...(options.packageDir ? [{ dir: options.packageDir }] : []), ...(options.packages ?? [])];
	const nodeTypes = await HarnessNodeTypes.load(packages, options.nodes);
	const credentialsHelper = new HarnessCredentialsHelper(nodeTypes.credentialTypes, options.rewriteUrl);
	const processedData = await harnessDeduplicator();

	async function run(options: RunOptions): Promise<RunResult> {
		const type = fullType(nodeTypes, options.nodeType);
		const nodeType = nodeTypes.getByNameAndVersion(type, options.typeVersion);
		const credentialNames = (nodeType.description.credentials ?? []).map((c) => c.name);
		const credentials = options.credentials ?? {};
		credentialsHelper.setCredentials(credentials);
		nodeTypes.input.items = options.items;

		const node: INode = {
			id: 'node-under-test',
			name: NODE_NAME,
			type,
			typeVersion: options.typeVersion ?? (Array.isArray(nodeType.description.version)
				? Math.max(...nodeType.description.version)
				: nodeType.description.version),
			position: [200, 0],
			parameters: options.parameters,
			credentials: Object.fromEntries(
				credentialNames
					.filter((name) => name in credentials)
					.map((name) => [name, { id: `cred-${name}`, name }]),
			),
			onError: options.onError,
			retryOnFail: options.retryOnFail,
			maxTries: options.maxTries,
			waitBetweenTries: options.waitBetweenTries,
		};
		const input: INode = {
			id: 'harness-input',
			name: INPUT_NAME,
			type: INPUT_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const connections: IConnections = {
			[INPUT_NAME]: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
		};
		const workflow = new Workflow({
			id: 'harness',
			name: 'Harness',
			nodes: [input, node],
			connections,
			nodeTypes,
			active: false,
			settings: { executionOrder: 'v1' },
		});

		const hooks = harnessHooks('manual', [input, node], connections);
		let resolveFinished: (run: IRun) => void = () => {};
		const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
		hooks.addHandler('workflowExecuteAfter', (fullRun) => resolveFinished(fullRun));

		const runExecutionData: IRunExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: input, data: { main: [[{ json: {} }]] }, source: null }],
			},
		});

		const started = Date.now();
		const execution = new WorkflowExecute(
			additionalDataFor(credentialsHelper, hooks),
			'manual',
			runExecutionData,
		).processRunExecutionData(workflow);
		const cancel = () => execution.cancel();
		const timer = options.cancelAfterMs !== undefined ? setTimeout(cancel, options.cancelAfterMs) : undefined;
		options.onStart?.(cancel);
		const fullRun = await finished;
		if (timer) clearTimeout(timer);
		// A cancelled run reports through the hook before the node's promise settles; let it settle.
		let settleTimer: NodeJS.Timeout | undefined;
		await Promise.race([
			execution.then(() => undefined, () => undefined),
			new Promise((resolve) => (settleTimer = setTimeout(resolve, 2000))),
		]);
		clearTimeout(settleTimer);

		const taskData = fullRun.data.resultData.runData[NODE_NAME]?.at(-1);
		return {
			outputs: (taskData?.data?.main ?? []).map((items: INodeExecutionData[] | null) => items ?? []),
			error: taskData?.error ?? fullRun.data.resultData.error,
			status: fullRun.status,
			durationMs: Date.now() - started,
			run: fullRun,
		};
	}

	async function callMethod<T>(call: MethodCall): Promise<T> {
		const type = fullType(nodeTypes, call.nodeType);
		const nodeType = nodeTypes.getByNameAndVersion(type);
		const credentials = call.credentials ?? {};
		credentialsHelper.setCredentials(credentials);
		const node: INode = {
			id: 'node-under-test',
			name: NODE_NAME,
			type,
			typeVersion: Array.isArray(nodeType.description.version)
				? Math.max(...nodeType.description.version)
				: nodeType.description.version,
			position: [0, 0],
			parameters: call.parameters ?? {},
			credentials: Object.fromEntries(Object.keys(credentials).map((name) => [name, { id: `cred-${name}`, name }])),
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes, active: false });
		const hooks = harnessHooks('manual', [node]);
		const additionalData = additionalDataFor(credentialsHelper, hooks);
		additionalData.currentNodeParameters = call.parameters ?? {};
		const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
		const group = (nodeType.methods as Record<string, Record<string, Function>> | undefined)?.[call.kind];
		const method = group?.[call.method];
		if (!method) throw new Error(`Harness: ${call.nodeType} has no ${call.kind} method "${call.method}"`);
		return (await method.call(context, ...(call.args ?? []))) as T;
	}

	return {
		packageNames: nodeTypes.packageNames,
		run,
		callMethod,
		processedData,
		testCredential: async (type, data) => {
			const credentialType = nodeTypes.credentialTypes.get(type);
			if (!credentialType) throw new Error(`Harness: unknown credential type ${type}`);
			credentialsHelper.setCredentials({ [type]: data });
			const hooks = harnessHooks('internal', []);
			return await testCredential(credentialType, additionalDataFor(credentialsHelper, hooks), data);
		},
	};
}
