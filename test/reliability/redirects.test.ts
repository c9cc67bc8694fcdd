import type { IDataObject } from 'n8n-workflow';

import { startSink, type FaultInjector, type RunningSink } from '../emulators/common';
import type { Harness, RunResult } from '../harness';
import * as autosend from '../nodes/autosend/setup';
import * as notifuse from '../nodes/notifuse/setup';
import * as sendgrid from '../nodes/sendgrid/setup';

import { REDIRECT_STATUSES } from './faultCases';

/**
 * Issue 17: n8n's request helper follows redirects and re-sends the Authorization header to the
 * origin a redirect names. Every request of the nodes is answered here with a redirect to a second
 * loopback server that records what reaches it: it must receive nothing, under every redirect status.
 */
interface Probe {
	name: string;
	/** The emulator path answered with the redirect. */
	path: string;
	method?: string;
	/** Makes the request the way the user would; resolves to the message the user then sees. */
	act(): Promise<string>;
	says: (status: number) => RegExp;
}

interface Opened {
	harness: Harness;
	faults: FaultInjector;
	close(): Promise<void>;
	probes: Probe[];
	apiKey: string;
}

interface Provider {
	name: string;
	/** The probes' names, known before the bed is open (test titles). */
	probeNames: string[];
	open(): Promise<Opened>;
}

const redirected = (status: number) => new RegExp(`redirected \\(HTTP ${status}\\) to http://127\\.0\\.0\\.1:\\d+/`);
const credentialRefused = () => /answered with a redirect\. Redirects are not followed/;

/** The message of the first item (Continue) or the node error. */
function firstMessage(result: RunResult): string {
	const json = result.outputs[0]?.[0]?.json as IDataObject | undefined;
	return String(json?.errorMessage ?? result.error?.message ?? `no failure: ${JSON.stringify(json)}`);
}

const continueRun = { onError: 'continueRegularOutput' as const };

const PROVIDERS: Provider[] = [
	{
		name: 'AutoSend',
		probeNames: ['bulk write', 'setup read (custom field definitions before a run)', 'editor method (list search)', 'editor method (column mapping)', 'credential test'],
		async open() {
			const bed = await autosend.testbed();
			const { harness } = bed;
			const probes: Probe[] = [
				{
					name: 'bulk write',
					path: '/v1/contacts/bulk-update',
					says: redirected,
					act: async () =>
						firstMessage(await bed.run(autosend.contactParams('bulkUpdate', { columns: { mappingMode: 'autoMapInputData', value: null, schema: [] } }), autosend.people(3), continueRun)),
				},
				{ name: 'setup read (custom field definitions before a run)', path: '/v1/custom-fields', says: redirected, act: async () => firstMessage(await bed.run(autosend.contactParams('upsert'), autosend.people(2), continueRun)) },
				{
					name: 'editor method (list search)',
					path: '/v1/contact-lists',
					says: redirected,
					act: async () => await failure(harness.callMethod({ nodeType: autosend.NODE_TYPE, kind: 'listSearch', method: 'searchLists', parameters: autosend.addParams(''), credentials: bed.credentials() })),
				},
				{
					name: 'editor method (column mapping)',
					path: '/v1/custom-fields',
					says: redirected,
					act: async () =>
						await failure(harness.callMethod({ nodeType: autosend.NODE_TYPE, kind: 'resourceMapping', method: 'getContactFields', parameters: autosend.contactParams('upsert'), credentials: bed.credentials() })),
				},
				{ name: 'credential test', path: '/v1/contact-lists', says: credentialRefused, act: async () => credentialMessage(await harness.testCredential('autoSendApi', bed.credentials()!.autoSendApi)) },
			];
			return { harness, faults: bed.emulator.faults, close: bed.close, probes, apiKey: autosend.DEFAULTS.apiKey };
		},
	},
	{
		name: 'Notifuse',
		probeNames: ['bulk write', 'list check before a run', 'editor method (lists)', 'editor method (column mapping)', 'credential test'],
		async open() {
			const bed = await notifuse.testbed();
			const { harness } = bed;
			const probes: Probe[] = [
				{ name: 'bulk write', path: '/api/contacts.import', says: redirected, act: async () => firstMessage(await bed.run(notifuse.params('contact', 'import'), notifuse.people(3), continueRun)) },
				{
					name: 'list check before a run',
					path: '/api/lists.list',
					says: redirected,
					act: async () => firstMessage(await bed.run(notifuse.params('contactList', 'addContacts', { listIds: [notifuse.DEFAULTS.lists.newsletter.id] }), notifuse.people(2), continueRun)),
				},
				{
					name: 'editor method (lists)',
					path: '/api/lists.list',
					says: redirected,
					act: async () =>
						await failure(harness.callMethod({ nodeType: notifuse.NODE_TYPE, kind: 'loadOptions', method: 'getLists', parameters: notifuse.params('contactList', 'addContacts', { listIds: [] }), credentials: bed.credentials() })),
				},
				{
					name: 'editor method (column mapping)',
					path: '/api/workspaces.get',
					says: redirected,
					act: async () =>
						await failure(harness.callMethod({ nodeType: notifuse.NODE_TYPE, kind: 'resourceMapping', method: 'getContactFields', parameters: notifuse.params('contact', 'import'), credentials: bed.credentials() })),
				},
				{ name: 'credential test', path: '/api/workspaces.get', says: credentialRefused, act: async () => credentialMessage(await harness.testCredential('notifuseApi', bed.credentials()!.notifuseApi)) },
			];
			return { harness, faults: bed.emulator.faults, close: bed.close, probes, apiKey: notifuse.DEFAULTS.apiKey };
		},
	},
	{
		name: 'SendGrid',
		probeNames: ['bulk write', 'setup read (field definitions before a run)', 'import job poll', 'editor method (lists)', 'editor method (column mapping)', 'credential test'],
		async open() {
			const bed = await sendgrid.testbed({ jobDelayMs: 20 });
			const { harness } = bed;
			const probes: Probe[] = [
				{ name: 'bulk write', path: '/v3/marketing/contacts', method: 'PUT', says: redirected, act: async () => firstMessage(await bed.run(sendgrid.addParams([sendgrid.DEFAULTS.lists.customers.id]), sendgrid.people(3), continueRun)) },
				{ name: 'setup read (field definitions before a run)', path: '/v3/marketing/field_definitions', says: redirected, act: async () => firstMessage(await bed.run(sendgrid.upsertParams(), sendgrid.people(2), continueRun)) },
				{
					name: 'import job poll',
					path: '/v3/marketing/contacts/imports',
					method: 'GET',
					says: (status) => new RegExp(`\\b${status}\\b`),
					act: async () => firstMessage(await bed.run(sendgrid.addParams([sendgrid.DEFAULTS.lists.customers.id], { waitForImport: true, maxRetries: 0 }), sendgrid.people(2), continueRun)),
				},
				{
					name: 'editor method (lists)',
					path: '/v3/marketing/lists',
					says: redirected,
					act: async () => await failure(harness.callMethod({ nodeType: sendgrid.NODE_TYPE, kind: 'loadOptions', method: 'getLists', parameters: sendgrid.addParams([]), credentials: bed.credentials() })),
				},
				{
					name: 'editor method (column mapping)',
					path: '/v3/marketing/field_definitions',
					says: redirected,
					act: async () => await failure(harness.callMethod({ nodeType: sendgrid.NODE_TYPE, kind: 'resourceMapping', method: 'getContactFields', parameters: sendgrid.upsertParams(), credentials: bed.credentials() })),
				},
				{ name: 'credential test', path: '/v3/marketing/field_definitions', says: credentialRefused, act: async () => credentialMessage(await harness.testCredential('sendGridMarketingApi', bed.credentials()!.sendGridMarketingApi)) },
			];
			return { harness, faults: bed.emulator.faults, close: bed.close, probes, apiKey: sendgrid.DEFAULTS.apiKey };
		},
	},
];

async function failure(call: Promise<unknown>): Promise<string> {
	try {
		return `no failure: ${JSON.stringify(await call)}`;
	} catch (error) {
		return (error as Error).message;
	}
}

function credentialMessage(result: { ok: boolean; message: string }): string {
	return result.ok ? `no failure: ${result.message}` : result.message;
}

let sink: RunningSink;
beforeAll(async () => {
	sink = await startSink();
});
afterAll(async () => await sink.close());

describe.each(PROVIDERS)('$name: no request follows a redirect to another origin', (provider) => {
	let opened: Opened;
	beforeAll(async () => {
		opened = await provider.open();
	});
	afterAll(async () => await opened.close());

	it.each(provider.probeNames.flatMap((name) => REDIRECT_STATUSES.map((status) => [name, status] as const)))('%s answered %i', async (name, status) => {
		const probe = opened.probes.find((p) => p.name === name);
		if (!probe) throw new Error(`no probe named ${name}`);
		sink.clear();
		opened.faults.configure({ rules: [{ kind: 'redirect', status, count: 100, path: probe.path, method: probe.method, redirectTo: sink.baseUrl }] });
		const message = await probe.act();
		opened.faults.configure({});
		expect(sink.received.map((r) => `${r.method} ${r.url} auth=${r.headers.authorization ?? '-'}`)).toEqual([]);
		expect(message).toMatch(probe.says(status));
		expect(message).not.toContain(opened.apiKey);
	});
});
