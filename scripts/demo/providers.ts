import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import * as autosend from '../../test/emulators/autosend';
import type { RunningEmulator } from '../../test/emulators/common';
import * as notifuse from '../../test/emulators/notifuse';
import * as sendgrid from '../../test/emulators/sendgrid';

/** How the demo drives one provider: its emulator, the node's parameters and how to read the result. */
export interface DemoProvider {
	title: string;
	file: string;
	nodeType: string;
	operation: string;
	parameters: Record<string, unknown>;
	start(items: INodeExecutionData[]): Promise<RunningEmulator & { credentialBaseUrl: string }>;
	credentials(emulator: RunningEmulator & { credentialBaseUrl: string }): Record<string, ICredentialDataDecryptedObject>;
	addedToList(emulator: RunningEmulator): number;
}

/** A CRM sync is mostly updates: the first rows already exist at the provider before the run. */
const ALREADY_SYNCED = 1000;

const existingEmails = (items: INodeExecutionData[]) =>
	items.slice(0, ALREADY_SYNCED).map((item) => String(item.json.email).trim().toLowerCase()).filter((email) => email.includes('@'));

const autoSendDemo: DemoProvider = {
	title: 'AutoSend',
	file: 'autosend',
	nodeType: 'autoSend',
	operation: 'Contact › Bulk Update',
	parameters: {
		resource: 'contact',
		operation: 'bulkUpdate',
		runWorkflow: false,
		fieldsInput: 'columns',
		columns: {
			mappingMode: 'defineBelow',
			value: {
				email: '={{ $json.email }}',
				firstName: '={{ $json.first_name }}',
				lastName: '={{ $json.last_name }}',
				userId: '={{ $json.crm_id }}',
				company: '={{ $json.company }}',
				plan: '={{ $json.plan }}',
			},
		},
		// AutoSend allows 2 requests/second per key; the emulator enforces it and the node paces itself.
		options: {},
	},
	async start() {
		return await autosend.start();
	},
	credentials: (emulator) => ({ autoSendApi: { apiKey: autosend.DEFAULTS.apiKey, baseUrl: emulator.credentialBaseUrl } }),
	addedToList: () => 0,
};

const notifuseDemo: DemoProvider = {
	title: 'Notifuse',
	file: 'notifuse',
	nodeType: 'notifuse',
	operation: 'Contact › Import (+ Newsletter list)',
	parameters: {
		resource: 'contact',
		operation: 'import',
		workspaceId: '',
		fieldsInput: 'columns',
		columns: {
			mappingMode: 'defineBelow',
			value: {
				email: '={{ $json.email }}',
				external_id: '={{ $json.crm_id }}',
				first_name: '={{ $json.first_name }}',
				last_name: '={{ $json.last_name }}',
				country: '={{ $json.country }}',
				custom_string_1: '={{ $json.company }}',
				custom_number_1: '={{ $json.lifetime_value }}',
				custom_datetime_1: '={{ $json.signup_date + "T00:00:00Z" }}',
			},
		},
		options: { subscribeToLists: [notifuse.DEFAULTS.lists.newsletter.id] },
	},
	async start(items) {
		const emulator = await notifuse.start();
		const workspace = emulator.store.workspaces.get(notifuse.DEFAULTS.workspace.id);
		for (const email of existingEmails(items)) workspace?.upsertContact({ email, values: new Map() }, Date.now());
		return emulator;
	},
	credentials: (emulator) => ({
		notifuseApi: { apiKey: notifuse.DEFAULTS.apiKey, baseUrl: emulator.credentialBaseUrl, workspaceId: notifuse.DEFAULTS.workspace.id },
	}),
	addedToList(emulator) {
		const store = (emulator as notifuse.RunningNotifuseEmulator).store;
		let members = 0;
		for (const lists of store.workspaces.get(notifuse.DEFAULTS.workspace.id)?.memberships.values() ?? []) {
			if (lists.get(notifuse.DEFAULTS.lists.newsletter.id)?.status === 'active') members++;
		}
		return members;
	},
};

const sendGridDemo: DemoProvider = {
	title: 'SendGrid Contacts',
	file: 'sendgrid',
	nodeType: 'sendGridContacts',
	operation: 'Contact › Create or Update (+ list)',
	parameters: {
		resource: 'contact',
		operation: 'upsert',
		fieldsInput: 'columns',
		columns: {
			mappingMode: 'defineBelow',
			value: {
				email: '={{ $json.email }}',
				external_id: '={{ $json.crm_id }}',
				first_name: '={{ $json.first_name }}',
				last_name: '={{ $json.last_name }}',
				country: '={{ $json.country }}',
				company: '={{ $json.company }}',
				lifetime_value: '={{ $json.lifetime_value }}',
				signup_date: '={{ $json.signup_date }}',
			},
		},
		listIds: [sendgrid.DEFAULTS.lists.newsletter.id],
		options: { waitForImport: true },
	},
	async start(items) {
		const emulator = await sendgrid.start({ jobDelayMs: 1000 });
		const now = new Date().toISOString();
		for (const email of existingEmails(items)) {
			emulator.store.upsert({ index: 0, identifiers: { email }, fields: {}, custom_fields: {} }, [], now, false);
		}
		return emulator;
	},
	credentials: (emulator) => ({
		sendGridMarketingApi: { apiKey: sendgrid.DEFAULTS.apiKey, region: 'custom', baseUrl: emulator.credentialBaseUrl },
	}),
	addedToList(emulator) {
		const store = (emulator as sendgrid.RunningSendGridEmulator).store;
		return store.lists.get(sendgrid.DEFAULTS.lists.newsletter.id)?.members?.size ?? 0;
	},
};

export const providers: DemoProvider[] = [autoSendDemo, notifuseDemo, sendGridDemo];
