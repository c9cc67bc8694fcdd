import { randomUUID } from 'node:crypto';

import { generate, node, workflow, type Workflow, type WorkflowNode } from '../e2e/workflow';

/** A workflow the suite publishes after import: its production webhook on the main instance enqueues it for a worker. */
export type ActiveWorkflow = Omit<Workflow, 'active'> & { active: true };

export function active(built: Workflow | Omit<Workflow, 'active'>): ActiveWorkflow {
	return { ...built, active: true };
}

/** Webhook trigger that answers at once ("Workflow was started"); the run happens on a worker. */
export function webhook(name: string, path: string): WorkflowNode {
	return { ...node(name, 'n8n-nodes-base.webhook', { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} }, { typeVersion: 2 }), webhookId: randomUUID() } as WorkflowNode;
}

/**
 * `count` contacts named `<prefix>-<i>@example.com`, both taken from the webhook's JSON body;
 * `nameField` is the provider's first-name field (AutoSend `firstName`, the others `first_name`).
 */
export function contactsFromBody(nameField: string): WorkflowNode {
	return generate('Contacts', `const { count, prefix } = $input.first().json.body;
		return Array.from({ length: count }, (_, i) => ({ email: prefix + '-' + i + '@example.com', ${nameField}: 'First ' + i }));`);
}

/** Webhook → Contacts (from the body) → the node under test, published. */
export function syncWorkflow(id: string, name: string, path: string, target: WorkflowNode, nameField = 'first_name'): ActiveWorkflow {
	return active(workflow(id, name, [webhook('Webhook', path), contactsFromBody(nameField), target], [
		['Webhook', 'Contacts'],
		['Contacts', target.name],
	]));
}

export const autoMap = { fieldsInput: 'columns', columns: { mappingMode: 'autoMapInputData', value: null } };
