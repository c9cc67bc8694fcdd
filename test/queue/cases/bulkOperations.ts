import { countBy, outputOf, pairedInOrder, requestsTo } from '../../e2e/check';
import { credentialRef } from '../../e2e/credentials';
import { node } from '../../e2e/workflow';
import { asRun, type Execution } from '../api';
import type { QueueCase, QueueContext } from '../types';
import { autoMap, syncWorkflow } from '../workflows';
import { executedBy, statusOf } from './common';

const COUNT = 5_000;

const targets = [
	{
		id: 'qBulkAutoSend',
		path: 'q-bulk-autosend',
		nodeName: 'AutoSend',
		nameField: 'firstName',
		node: node('AutoSend', 'autoSend', { resource: 'contact', operation: 'bulkUpdate', runWorkflow: false, ...autoMap, options: { requestsPerSecond: 0 } }, { credentials: credentialRef('autosend', 'autoSendApi') }),
		status: 'upserted',
		requests: (c: QueueContext) => requestsTo(c.emulators.autosend, '/v1/contacts/bulk-update'),
		perRequest: 100,
		stored: (c: QueueContext, email: string) => Boolean(c.emulators.autosend.store.findContact(email)),
	},
	{
		id: 'qBulkNotifuse',
		path: 'q-bulk-notifuse',
		nodeName: 'Notifuse',
		nameField: 'first_name',
		node: node('Notifuse', 'notifuse', { resource: 'contact', operation: 'import', ...autoMap, options: {} }, { credentials: credentialRef('notifuse', 'notifuseApi') }),
		status: 'created',
		requests: (c: QueueContext) => requestsTo(c.emulators.notifuse, '/api/contacts.import'),
		perRequest: 500,
		stored: (c: QueueContext, email: string) => Boolean(c.emulators.notifuse.store.workspaces.get('ws_demo')?.contacts.has(email)),
	},
	{
		id: 'qBulkSendGrid',
		path: 'q-bulk-sendgrid',
		nodeName: 'SendGrid',
		nameField: 'first_name',
		node: node('SendGrid', 'sendGridContacts', { resource: 'contact', operation: 'upsert', ...autoMap, options: { waitForImport: true } }, { credentials: credentialRef('sendgrid', 'sendGridMarketingApi') }),
		status: 'created',
		requests: (c: QueueContext) => requestsTo(c.emulators.sendgrid, '/v3/marketing/contacts').filter((entry) => entry.contacts !== undefined),
		perRequest: 30_000,
		stored: (c: QueueContext, email: string) => Boolean(c.emulators.sendgrid.store.findByEmail(email)),
	},
];

/** Each node's main bulk operation, triggered on main at the same time, run by the workers. */
export const bulkOperationsCase: QueueCase = {
	name: `each node's bulk operation, ${COUNT.toLocaleString('en')} contacts each, through the workers (AutoSend bulk update, Notifuse import, SendGrid upsert)`,
	workflows: targets.map((t) => syncWorkflow(t.id, `Queue: ${t.nodeName} bulk`, t.path, t.node, t.nameField)),
	async run(context, checks) {
		const started = Date.now();
		const answers = await Promise.all(targets.map((t) => context.api.trigger(t.path, { count: COUNT, prefix: t.path })));
		checks.that(answers.every((a) => a.status === 200), `webhook answers ${answers.map((a) => a.status).join(', ')}`);
		const executions: Execution[] = [];
		for (const t of targets) {
			const [execution] = await context.api.waitFor(t.id.padEnd(16, '0'), 1);
			executions.push(execution);
			const full = await context.api.execution(execution.id);
			const run = asRun(full);
			checks.equal(statusOf(full), 'success', `${t.nodeName}: execution status`);
			checks.equal(full.mode, 'webhook', `${t.nodeName}: execution mode`);
			const out = outputOf(run, t.nodeName);
			checks.equal(out.length, COUNT, `${t.nodeName}: output items`);
			checks.equal(countBy(out, 'status'), { [t.status]: COUNT }, `${t.nodeName}: statuses`);
			checks.that(pairedInOrder(out), `${t.nodeName}: paired in order`);
			const sent = t.requests(context);
			checks.equal(sent.length, Math.ceil(COUNT / t.perRequest), `${t.nodeName}: requests`);
			checks.equal(sent.reduce((sum, entry) => sum + (entry.contacts ?? 0), 0), COUNT, `${t.nodeName}: contacts sent once`);
			checks.that(t.stored(context, `${t.path}-${COUNT - 1}@example.com`), `${t.nodeName}: the last contact is stored`);
		}
		const byWorker = executedBy(context, executions, checks);
		context.figure('wall for all three', `${((Date.now() - started) / 1000).toFixed(1)} s`);
		context.figure('executions per worker', byWorker);
	},
};
