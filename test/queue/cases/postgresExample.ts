import { countBy, outputOf, pairedInOrder, requestsTo } from '../../e2e/check';
import { loadExample } from '../../e2e/examples';
import { POSTGRES_CREDENTIAL, seedCustomers } from '../../e2e/postgres';
import type { WorkflowNode } from '../../e2e/workflow';
import { DEFAULTS as NOTIFUSE } from '../../emulators/notifuse';
import { asRun } from '../api';
import type { QueueCase } from '../types';
import { active, webhook } from '../workflows';
import { executedBy, statusOf } from './common';

const ID = 'qExPgNotifuse'.padEnd(16, '0');

/**
 * Points a shipped example's Postgres nodes at the suite's CRM database and swaps its schedule for
 * a production webhook of the same name (so the connections stay as shipped).
 */
export function forQueue(path: string) {
	return (node: WorkflowNode): WorkflowNode => {
		if (node.type === 'n8n-nodes-base.scheduleTrigger') return { ...webhook(node.name, path), position: node.position };
		if (node.type === 'n8n-nodes-base.postgres') return { ...node, credentials: { postgres: POSTGRES_CREDENTIAL } };
		return node;
	};
}

export const postgresExampleCase: QueueCase = {
	name: 'example postgres-to-notifuse on a worker: n8n\'s Postgres node reads the seeded customers table (1,500 of 2,000 rows changed today) → import + 2 lists',
	workflows: [active(loadExample('postgres-to-notifuse.json', ID, forQueue('q-example-pg')))],
	seed(services) {
		seedCustomers(services.crm);
	},
	async run(context, checks) {
		await context.api.trigger('q-example-pg');
		const [execution] = await context.api.waitFor(ID, 1);
		const full = await context.api.execution(execution.id);
		const run = asRun(full);
		checks.equal(statusOf(full), 'success', 'execution status');
		executedBy(context, [execution], checks);
		checks.equal(outputOf(run, 'Customers changed today').length, 1_500, 'rows the query returned (older rows left out)');
		const imported = outputOf(run, 'Import into Notifuse');
		checks.equal(countBy(imported, 'status'), { created: 1_498, invalid: 2 }, 'import statuses');
		checks.equal([imported[10]?.json.errorField, imported[20]?.json.errorField], ['email', 'email'], 'the malformed and the missing email');
		checks.that(pairedInOrder(imported), 'paired in order');
		checks.equal(outputOf(run, 'Only problems').map((item) => item.json.status), ['invalid', 'invalid'], 'the filter keeps the two problems');
		checks.equal(requestsTo(context.emulators.notifuse, '/api/contacts.import').map((entry) => entry.contacts), [500, 500, 498], 'import batches');
		const ws = context.emulators.notifuse.store.workspaces.get(NOTIFUSE.workspace.id);
		const stored = ws?.contacts.get('pg-1499@example.com');
		checks.equal([stored?.values.custom_string_1, stored?.values.custom_number_1], ['Company 1', 2248.5], 'company and lifetime value (numeric column) stored');
		checks.that(typeof stored?.values.custom_datetime_1 === 'string' && String(stored.values.custom_datetime_1).startsWith('2025-'), `signed-up date (timestamptz column) stored: ${String(stored?.values.custom_datetime_1)}`);
		const memberships = ws?.memberships.get('pg-1499@example.com');
		checks.equal([memberships?.get('newsletter')?.status, memberships?.get('customers')?.status], ['active', 'active'], 'list memberships');
		checks.equal(ws?.contacts.has('old-0@example.com'), false, 'rows not changed today were not synced');
	},
};
