import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { BenchRow } from './contacts';
import { REFERENCE_NODE_TYPE } from './reference/node';
import { RECIPES } from './reference/recipes';

export type Provider = 'autosend' | 'notifuse' | 'sendgrid';
export type Contender = 'ours' | 'builtin' | 'perItem' | 'reference';
/** How the node is told what to send: the column the README's table states per row. */
export type InputMode = 'Auto-map' | 'Map Columns' | 'Map Columns + expressions' | 'Email parameter' | 'Expressions' | 'Reference';

export interface EmulatorUrls {
	autosend: string;
	notifuse: string;
	sendgrid: string;
}

/** One thing to measure: a node, its parameters, and what the provider allows. */
export interface Workload {
	id: string;
	label: string;
	contender: Contender;
	mode: InputMode;
	/** The reference-node workload this one is compared with (same contacts, same request bodies). */
	reference?: string;
	/** Map Columns: the resourceMapper method whose fields the editor would save (bench/mapColumns.ts). */
	mapColumns?: { method: string; expressions: boolean };
	provider: Provider;
	/** Full node type: ours by short name, n8n's own as `n8n-nodes-base.x`. */
	nodeType: string;
	parameters: INodeParameters;
	credentials(urls: EmulatorUrls): Record<string, IDataObject>;
	toItem(row: BenchRow): IDataObject;
	/** Logged requests that carry contacts. */
	write: { method: string; path: string };
	/** Contacts per request the provider (or the node's documented default) allows. */
	perRequest: number;
	maxBytes?: number;
	/** Parallel requests the node uses with its defaults. */
	concurrency: number;
	/** The provider's rate limit on the write endpoint. */
	rate?: { perSecond: number; burst: number };
	/** Which sizes this workload runs at (a subset of BENCH_SIZES for slow single-contact endpoints). */
	sizes(all: number[]): number[];
}

const KEY = 'emulator-key';
const AUTOSEND_RATE = { perSecond: 2, burst: 2 };
const SENDGRID_UPSERT_RATE = { perSecond: 10, burst: 10 };

const autoSendItem = (row: BenchRow): IDataObject => ({ email: row.email, firstName: row.first_name, lastName: row.last_name, company: row.company, plan: row.plan });
const notifuseItem = (row: BenchRow): IDataObject => ({
	email: row.email,
	first_name: row.first_name,
	last_name: row.last_name,
	country: row.country,
	custom_string_1: row.company,
	custom_number_1: row.lifetime_value,
});
const sendGridItem = (row: BenchRow): IDataObject => ({
	email: row.email,
	first_name: row.first_name.slice(0, 50),
	last_name: row.last_name.slice(0, 50),
	country: row.country,
	company: row.company,
	lifetime_value: row.lifetime_value,
	signup_date: row.signup_date,
});

const autoMap = { fieldsInput: 'columns', columns: { mappingMode: 'autoMapInputData', value: null } };

const all = (sizes: number[]) => sizes;
/** Single-contact endpoints: one request per contact, so only the smallest size (capped for AutoSend's 2 req/s). */
const smallest = (cap: number) => (sizes: number[]) => [Math.min(cap, Math.min(...sizes))];

/** What every workload of one of our nodes shares: node, credentials, item shape, default concurrency, rate limit. */
type OurNode = Pick<Workload, 'contender' | 'mode' | 'provider' | 'nodeType' | 'credentials' | 'toItem' | 'concurrency' | 'rate'>;

const autoSend: OurNode = {
	contender: 'ours',
	mode: 'Auto-map',
	provider: 'autosend',
	nodeType: 'autoSend',
	credentials: (urls) => ({ autoSendApi: { baseUrl: `${urls.autosend}/v1`, apiKey: KEY, projectId: '' } }),
	toItem: autoSendItem,
	concurrency: 2,
	rate: AUTOSEND_RATE,
};
const notifuse: OurNode = {
	contender: 'ours',
	mode: 'Auto-map',
	provider: 'notifuse',
	nodeType: 'notifuse',
	credentials: (urls) => ({ notifuseApi: { baseUrl: urls.notifuse, apiKey: KEY, workspaceId: 'ws_demo' } }),
	toItem: notifuseItem,
	concurrency: 4,
};
const sendGrid: OurNode = {
	contender: 'ours',
	mode: 'Auto-map',
	provider: 'sendgrid',
	nodeType: 'sendGridContacts',
	credentials: (urls) => ({ sendGridMarketingApi: { apiKey: KEY, region: 'custom', baseUrl: urls.sendgrid } }),
	toItem: sendGridItem,
	concurrency: 2,
	rate: SENDGRID_UPSERT_RATE,
};
const SENDGRID_PUT = { write: { method: 'PUT', path: '/v3/marketing/contacts' }, perRequest: 30_000, maxBytes: 6_000_000 };

const OURS: Workload[] = [
	{
		...autoSend,
		id: 'autosend.bulkUpdate',
		label: 'AutoSend: Bulk Create or Update',
		parameters: { resource: 'contact', operation: 'bulkUpdate', ...autoMap, runWorkflow: false, options: {} },
		write: { method: 'POST', path: '/v1/contacts/bulk-update' },
		perRequest: 100,
		sizes: all,
	},
	{
		...autoSend,
		id: 'autosend.addContacts',
		mode: 'Email parameter',
		label: 'AutoSend: Add Contacts to List',
		parameters: { resource: 'contactList', operation: 'addContacts', list: { __rl: true, mode: 'id', value: '60d5ec49f1b2c72d9c8b4568' }, email: '={{ $json.email }}', options: {} },
		write: { method: 'POST', path: '/v1/contact-lists/contacts/bulk-add' },
		perRequest: 500,
		sizes: all,
	},
	{
		...autoSend,
		id: 'autosend.upsert',
		label: 'AutoSend: Create or Update (one contact per request)',
		parameters: { resource: 'contact', operation: 'upsert', ...autoMap, runWorkflow: false, options: {} },
		write: { method: 'POST', path: '/v1/contacts/email' },
		perRequest: 1,
		sizes: smallest(100),
	},
	{
		...notifuse,
		id: 'notifuse.import',
		label: 'Notifuse: Import',
		parameters: { resource: 'contact', operation: 'import', workspaceId: '', ...autoMap, options: {} },
		write: { method: 'POST', path: '/api/contacts.import' },
		perRequest: 500,
		sizes: all,
	},
	{
		...notifuse,
		id: 'notifuse.addContacts',
		label: 'Notifuse: Add Contacts to List',
		parameters: { resource: 'contactList', operation: 'addContacts', workspaceId: '', ...autoMap, listIds: ['newsletter'], options: {} },
		write: { method: 'POST', path: '/api/contacts.import' },
		perRequest: 500,
		sizes: all,
	},
	{
		...notifuse,
		id: 'notifuse.upsert',
		label: 'Notifuse: Create or Update (one contact per request)',
		parameters: { resource: 'contact', operation: 'upsert', workspaceId: '', ...autoMap, options: {} },
		write: { method: 'POST', path: '/api/contacts.upsert' },
		perRequest: 1,
		sizes: smallest(1_000),
	},
	{
		...sendGrid,
		...SENDGRID_PUT,
		id: 'sendgrid.upsert',
		label: 'SendGrid Contacts: Create or Update',
		parameters: { resource: 'contact', operation: 'upsert', ...autoMap, listIds: [], options: {} },
		sizes: all,
	},
	{
		...sendGrid,
		...SENDGRID_PUT,
		id: 'sendgrid.addContacts',
		mode: 'Email parameter',
		label: 'SendGrid Contacts: Add Contacts to List',
		parameters: { resource: 'contactList', operation: 'addContacts', listIds: ['0b3d7f3e-8a53-4c2e-9a71-5e0f6a1c2d01'], email: '={{ $json.email }}', options: {} },
		sizes: all,
	},
];

const THEIRS: Workload[] = [
	{
		id: 'builtin.sendgrid.upsert',
		label: "n8n's SendGrid node: Contact → Create or Update",
		contender: 'builtin',
		mode: 'Expressions',
		provider: 'sendgrid',
		nodeType: 'n8n-nodes-base.sendGrid',
		parameters: {
			resource: 'contact',
			operation: 'upsert',
			email: '={{ $json.email }}',
			additionalFields: {
				firstName: '={{ $json.first_name }}',
				lastName: '={{ $json.last_name }}',
				country: '={{ $json.country }}',
				customFieldsUi: {
					customFieldValues: [
						{ fieldId: 'e1_T', fieldValue: '={{ $json.company }}' },
						{ fieldId: 'e2_N', fieldValue: '={{ $json.lifetime_value }}' },
						{ fieldId: 'e3_D', fieldValue: '={{ $json.signup_date }}' },
					],
				},
			},
		},
		credentials: () => ({ sendGridApi: { apiKey: KEY } }),
		toItem: sendGridItem,
		...SENDGRID_PUT,
		concurrency: 1,
		rate: SENDGRID_UPSERT_RATE,
		sizes: all,
	},
	{
		id: 'perItem.sendgrid.upsert',
		label: 'HTTP Request node, one PUT per item (SendGrid)',
		contender: 'perItem',
		mode: 'Expressions',
		provider: 'sendgrid',
		nodeType: 'n8n-nodes-base.httpRequest',
		parameters: {
			method: 'PUT',
			url: '__SENDGRID_URL__/v3/marketing/contacts',
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${KEY}` }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify({ contacts: [{ email: $json.email, first_name: $json.first_name, last_name: $json.last_name, country: $json.country, custom_fields: { e1_T: $json.company, e2_N: $json.lifetime_value, e3_D: $json.signup_date } }] }) }}',
			// Spaced to stay under SendGrid's 10 requests/s on this endpoint, as a careful user would.
			options: { batching: { batch: { batchSize: 1, batchInterval: 100 } } },
		},
		credentials: () => ({}),
		toItem: sendGridItem,
		write: { method: 'PUT', path: '/v3/marketing/contacts' },
		perRequest: 1,
		concurrency: 1,
		rate: SENDGRID_UPSERT_RATE,
		sizes: smallest(500),
	},
];

/** Operations that take Map Columns, and the resourceMapper method the editor fills it from. */
const MAPPERS: Record<string, string> = {
	'autosend.bulkUpdate': 'getBulkContactFields',
	'autosend.upsert': 'getContactFields',
	'notifuse.import': 'getContactFields',
	'notifuse.addContacts': 'getContactFields',
	'notifuse.upsert': 'getContactFields',
	'sendgrid.upsert': 'getContactFields',
};

function mapColumnsVariants(workload: Workload): Workload[] {
	const method = MAPPERS[workload.id];
	if (!method) return [];
	return [
		{ ...workload, id: `${workload.id}.mapColumns`, mode: 'Map Columns', mapColumns: { method, expressions: false } },
		{ ...workload, id: `${workload.id}.mapColumnsExpr`, mode: 'Map Columns + expressions', mapColumns: { method, expressions: true } },
	];
}

/** The reference node (bench/reference/) for every bulk write; single-contact endpoints have none. */
function referenceOf(workload: Workload): Workload | undefined {
	if (!(workload.id in RECIPES)) return undefined;
	return {
		...workload,
		id: `reference.${workload.id}`,
		label: `Reference node: ${workload.label.split(': ').slice(1).join(': ')} (${workload.provider})`,
		contender: 'reference',
		mode: 'Reference',
		nodeType: REFERENCE_NODE_TYPE,
		parameters: { recipe: workload.id },
	};
}

const ALL: Workload[] = [
	...OURS.flatMap((workload) => {
		const reference = referenceOf(workload);
		const linked = reference ? { reference: reference.id } : {};
		return [
			...(reference ? [reference] : []),
			{ ...workload, ...linked },
			...mapColumnsVariants(workload).map((variant) => ({ ...variant, ...linked })),
		];
	}),
	...THEIRS,
];

/**
 * BENCH_UNLIMITED=1: the emulators drop their rate limits and every sender its pacing, so a
 * 100,000-contact AutoSend run takes seconds instead of 8 minutes. CPU and memory per contact are
 * what is measured then; wall time against the bound means only latency and concurrency.
 */
function unlimited(workload: Workload): Workload {
	if (!workload.rate) return workload;
	const parameters = { ...workload.parameters };
	if (workload.contender === 'reference') parameters.unpaced = true;
	else if (workload.contender === 'ours') parameters.options = { ...(parameters.options as object), requestsPerSecond: 0 };
	return { ...workload, rate: undefined, parameters };
}

export const UNLIMITED = process.env.BENCH_UNLIMITED === '1';
export const WORKLOADS: Workload[] = UNLIMITED ? ALL.map(unlimited) : ALL;
