import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CREDENTIAL } from './credentials';
import type { Workflow, WorkflowNode } from './workflow';

export const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples');

const CREDENTIAL_FOR_TYPE: Record<string, keyof typeof CREDENTIAL> = {
	autoSendApi: 'autosend',
	notifuseApi: 'notifuse',
	sendGridMarketingApi: 'sendgrid',
};

/**
 * Loads an example workflow as a user would import it and points it at the emulators: our nodes'
 * credentials become the e2e credentials, and `adapt` swaps what cannot run here (a database, a
 * schedule, an outside URL) for stand-ins with the same node names, so connections stay as shipped.
 */
export function loadExample(file: string, id: string, adapt: (node: WorkflowNode) => WorkflowNode = (node) => node): Workflow {
	const shipped = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as Omit<Workflow, 'id' | 'active'>;
	const nodes = shipped.nodes.map((node) => {
		const credentials = node.credentials && Object.fromEntries(
			Object.entries(node.credentials).map(([type, ref]) => [type, CREDENTIAL_FOR_TYPE[type] ? CREDENTIAL[CREDENTIAL_FOR_TYPE[type]] : ref]),
		);
		return adapt({ ...node, credentials });
	});
	return { ...shipped, id: id.padEnd(16, '0').slice(0, 16), active: false, nodes };
}

/** The emulators run unthrottled in this suite; pacing is what the benchmark measures. */
export function unpaced(node: WorkflowNode): WorkflowNode {
	if (!node.type.startsWith('n8n-nodes-contact-sync.')) return node;
	const options = (node.parameters.options ?? {}) as Record<string, unknown>;
	return { ...node, parameters: { ...node.parameters, options: { ...options, requestsPerSecond: 0 } } };
}

/** `n8n execute` starts only from a manual (or Execute Workflow) trigger; same name keeps the connections. */
export function manualStart(node: WorkflowNode): WorkflowNode {
	if (node.type !== 'n8n-nodes-base.scheduleTrigger') return node;
	return { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
}
