import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type INode,
	type INodeType,
	type INodeTypes,
	type IRunExecutionData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

export interface CredentialTestResult {
	ok: boolean;
	/** HTTP status of the test request's answer (200 when it succeeded; 0 when there was no answer). */
	status: number;
	/** The answer's body when it succeeded. */
	body: unknown;
	/** What n8n's credential dialog shows. */
	message: string;
}

const TEST_NODE = 'harness.credentialTest';

/**
 * Performs a credential type's declared `test` the way n8n's CredentialsTester does (packages/cli
 * credentials-tester.service.ts): a temporary node whose only property routes `test.request`, run
 * through n8n-core's RoutingNode and `httpRequestWithAuthentication`, with `test.rules` applied to
 * a failed answer. Request options of the test (redirect handling included) therefore act as in n8n.
 */
export async function testCredential(
	type: ICredentialType,
	additionalData: IWorkflowExecuteAdditionalData,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const test = type.test;
	if (!test?.request) throw new Error(`Harness: credential ${type.name} has no test request`);
	const nodeType: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: TEST_NODE,
			group: ['transform'],
			version: 1,
			description: 'n8n credential test stand-in',
			defaults: { name: 'Temp-Node' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: type.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(nodeType, version) as INodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: TEST_NODE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type.name]: { id: 'cred-test', name: 'test' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const runExecutionData = { resultData: { runData: {} } } as IRunExecutionData;
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', runExecutionData, 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
	const routing = new RoutingNode(context, nodeType, { id: 'cred-test', name: 'test', type: type.name, data });
	try {
		const output = await routing.runNode();
		return { ok: true, status: 200, body: output?.[0]?.[0]?.json, message: 'Connection successful!' };
	} catch (error) {
		const cause = (error as { cause?: { response?: { status?: number; statusText?: string }; code?: string } }).cause;
		const status = cause?.response?.status;
		if (status !== undefined) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) return { ok: false, status, body: undefined, message: rule.properties.message };
			}
			return { ok: false, status, body: undefined, message: cause?.response?.statusText || `Received HTTP status code: ${status}` };
		}
		return { ok: false, status: 0, body: undefined, message: cause?.code ?? (error as Error).message };
	}
}
