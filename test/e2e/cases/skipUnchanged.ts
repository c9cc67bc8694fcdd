/**
 * Skip Unchanged Contacts across executions of one saved workflow: n8n keeps the node's processed
 * data in its database between `n8n execute` calls. The Code node counts executions in the workflow's
 * static data (n8n saves it after every non-manual execution) and changes one contact from the third on.
 */
import { countBy, outputOf, requestsTo } from '../check';
import { credentialRef } from '../credentials';
import type { RunJson } from '../n8nCli';
import type { E2eCase } from '../types';
import { node, trigger, workflow } from '../workflow';

const autoMap = { fieldsInput: 'columns', columns: { mappingMode: 'autoMapInputData', value: null } };
const COUNT = 10_000;
const CHANGED = 1234;

function contacts(field: string): string {
	return `const state = $getWorkflowStaticData('global');
state.runs = (state.runs || 0) + 1;
return Array.from({ length: ${COUNT} }, (_, i) => ({ json: { email: 'skip-' + i + '@example.com', ${field}: i === ${CHANGED} && state.runs >= 3 ? 'Changed' : 'First ' + i } }));`;
}

function nodeMs(run: RunJson | undefined, name: string): number | undefined {
	const task = run?.data.resultData.runData[name]?.at(-1) as { executionTime?: number } | undefined;
	return task?.executionTime;
}

interface Provider {
	label: string;
	id: string;
	node: ReturnType<typeof node>;
	field: string;
	emulator: 'autosend' | 'notifuse' | 'sendgrid';
	path: string;
	delivered: string;
	firstRequests: number;
}

function providers(): Provider[] {
	return [
		{
			label: 'AutoSend bulk update',
			id: 'e2eSkipAutoSend',
			node: node('Sync', 'autoSend', { resource: 'contact', operation: 'bulkUpdate', runWorkflow: false, ...autoMap, options: { requestsPerSecond: 0, skipUnchanged: true } }, { credentials: credentialRef('autosend', 'autoSendApi') }),
			field: 'firstName',
			emulator: 'autosend',
			path: '/v1/contacts/bulk-update',
			delivered: 'upserted',
			firstRequests: 100,
		},
		{
			label: 'Notifuse import',
			id: 'e2eSkipNotifuse',
			node: node('Sync', 'notifuse', { resource: 'contact', operation: 'import', workspaceId: '', ...autoMap, options: { skipUnchanged: true } }, { credentials: credentialRef('notifuse', 'notifuseApi') }),
			field: 'first_name',
			emulator: 'notifuse',
			path: '/api/contacts.import',
			delivered: 'created',
			firstRequests: 20,
		},
		{
			label: 'SendGrid upsert',
			id: 'e2eSkipSendGrid',
			node: node('Sync', 'sendGridContacts', { resource: 'contact', operation: 'upsert', ...autoMap, options: { skipUnchanged: true } }, { credentials: credentialRef('sendgrid', 'sendGridMarketingApi') }),
			field: 'first_name',
			emulator: 'sendgrid',
			path: '/v3/marketing/contacts',
			delivered: 'queued',
			firstRequests: 1,
		},
	];
}

export function skipUnchangedCases(): E2eCase[] {
	return providers().map((p) => {
		const code = node('Contacts', 'n8n-nodes-base.code', { jsCode: contacts(p.field) }, { typeVersion: 2 });
		const report = (step: string, run: RunJson | undefined, requests: number) =>
			console.log(`      ${p.label} ${step}: ${requests} write requests, node ${nodeMs(run, 'Sync') ?? '?'} ms`);
		return {
			name: `Skip unchanged, ${p.label}: first execution of ${COUNT} contacts sends all`,
			workflow: workflow(p.id, `Skip unchanged ${p.label}`, [trigger(), code, p.node], [['Start', 'Contacts'], ['Contacts', 'Sync']]),
			check(run, checks, { emulators }) {
				const out = outputOf(run, 'Sync');
				const sent = requestsTo(emulators[p.emulator], p.path);
				report('run 1', run, sent.length);
				checks.equal(countBy(out, 'status'), { [p.delivered]: COUNT }, 'statuses');
				checks.equal(sent.length, p.firstRequests, 'write requests');
			},
			then: [
				{
					name: `Skip unchanged, ${p.label}: second execution of the same input sends 0 contact writes`,
					check(run, checks, { emulators }) {
						const out = outputOf(run, 'Sync');
						const sent = requestsTo(emulators[p.emulator], p.path);
						report('run 2', run, sent.length);
						checks.equal(countBy(out, 'status'), { unchanged: COUNT }, 'statuses');
						checks.equal(sent.length, 0, 'write requests');
					},
				},
				{
					name: `Skip unchanged, ${p.label}: third execution with one changed field sends exactly that contact`,
					check(run, checks, { emulators }) {
						const out = outputOf(run, 'Sync');
						const sent = requestsTo(emulators[p.emulator], p.path);
						report('run 3', run, sent.length);
						const delivered = p.delivered === 'created' ? 'updated' : p.delivered;
						checks.equal(countBy(out, 'status'), { unchanged: COUNT - 1, [delivered]: 1 }, 'statuses');
						checks.equal(out[CHANGED]?.json.status, delivered, `item ${CHANGED}`);
						checks.equal(sent.map((entry) => entry.contacts), [1], 'contacts per write request');
					},
				},
			],
		};
	});
}
