/** Small builders for the workflow JSON n8n imports, so each case reads as its node list. */
export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
}

export interface Workflow {
	id: string;
	name: string;
	active: false;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
	settings: { executionOrder: 'v1' };
}

export const PACKAGE = 'n8n-nodes-contact-sync';

let counter = 0;

export function node(
	name: string,
	type: string,
	parameters: Record<string, unknown>,
	extra: Partial<WorkflowNode> = {},
): WorkflowNode {
	counter++;
	return {
		id: `node-${counter}`,
		name,
		type: type.includes('.') ? type : `${PACKAGE}.${type}`,
		typeVersion: 1,
		position: [counter * 220, 0],
		parameters,
		...extra,
	};
}

export const trigger = () => node('Start', 'n8n-nodes-base.manualTrigger', {});

/** A Code node that emits items built by `body` (JavaScript returning an array of plain objects). */
export const generate = (name: string, body: string) =>
	node(name, 'n8n-nodes-base.code', {
		jsCode: `const rows = (() => { ${body} })();\nreturn rows.map((json) => ({ json }));`,
	}, { typeVersion: 2 });

/** Links nodes: `[from, to]` or `[from, to, outputIndex]`. */
export function workflow(id: string, name: string, nodes: WorkflowNode[], links: Array<[string, string, number?]>): Workflow {
	const connections: Workflow['connections'] = {};
	for (const [from, to, output = 0] of links) {
		const entry = (connections[from] ??= { main: [] });
		while (entry.main.length <= output) entry.main.push([]);
		entry.main[output].push({ node: to, type: 'main', index: 0 });
	}
	// n8n workflow ids are 16 characters.
	return { id: id.padEnd(16, '0').slice(0, 16), name, active: false, nodes, connections, settings: { executionOrder: 'v1' } };
}
