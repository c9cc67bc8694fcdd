/**
 * One case per node: the credential a user fills in, the workflow the test imports (a manual trigger
 * with pinned contacts → the node), where its list picker is, what its column mapper must list, and the
 * statuses the run must show. Names and ids seeded in the emulators come from seeds.ts.
 */
import type { Emulators } from '../e2e/types';
import { PACKAGE } from '../e2e/workflow';
import { SENDGRID_MAIL_ONLY_KEY, UI_FIELD, UI_LIST } from './seeds';

export interface CredentialForm {
	/** What the "Add credential" search shows. */
	typeName: string;
	/** parameter name → value besides the API key, filled in this order. */
	fields: Array<[string, string]>;
	/** Select parameters set first: name → the option's label. */
	selects?: Array<[string, string]>;
	goodKey: string;
	wrongKey: string;
	/** Keys that authenticate but lack a permission the node needs: the credential test must fail saying `says`. */
	limitedKeys?: Array<{ key: string; label: string; says: RegExp }>;
}

export interface UiCase {
	id: 'autosend' | 'notifuse' | 'sendgrid';
	/** The node's name in the nodes panel. */
	displayName: string;
	credential: CredentialForm;
	/** Node whose parameter panel is screenshotted and whose mapper is read. */
	syncNode: string;
	/** Labels the Map Columns list must show (provider fields, incl. the seeded custom field). */
	mapperLabels: string[];
	picker: { node: string; parameter: string; kind: 'locator' | 'multiOptions'; expected: string[] };
	/** Per node: the status of each of the three input items, in order. */
	expectedStatuses: Record<string, string[]>;
	workflow(credentialId: string): Record<string, unknown>;
	/** The credential's data with the given API key, for one made over REST. */
	credentialData(apiKey: string): Record<string, string>;
}

export const CONTACTS = [
	{ email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', color: 'teal' },
	{ email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper', color: 'navy' },
	{ email: 'not-an-email', first_name: 'Bad', last_name: 'Row', color: 'red' },
];

const TRIGGER = 'When clicking ‘Execute workflow’';

function workflow(name: string, nodes: Array<Record<string, unknown> & { name: string }>): Record<string, unknown> {
	const triggerNode = {
		id: 'ui-trigger',
		name: TRIGGER,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const placed = nodes.map((n, i) => ({ typeVersion: 1, position: [300, i * 220], onError: 'continueRegularOutput', ...n }));
	return {
		name,
		nodes: [triggerNode, ...placed],
		connections: { [TRIGGER]: { main: [placed.map((n) => ({ node: n.name, type: 'main', index: 0 }))] } },
		settings: { executionOrder: 'v1' },
		pinData: { [TRIGGER]: CONTACTS.map((json) => ({ json })) },
	};
}

const expr = (key: string) => `={{ $json.${key} }}`;

export function uiCases(emulators: Emulators): UiCase[] {
	return [
		{
			id: 'autosend',
			displayName: 'AutoSend',
			credential: {
				typeName: 'AutoSend API',
				fields: [
					['baseUrl', emulators.autosend.credentialBaseUrl],
				],
				goodKey: 'emulator-key',
				wrongKey: 'AS_wrong-key',
			},
			credentialData: (apiKey) => ({ apiKey, baseUrl: emulators.autosend.credentialBaseUrl }),
			syncNode: 'AutoSend',
			mapperLabels: ['Email', 'First Name', 'Last Name', `${UI_FIELD.autosend} (string)`, 'company (string)'],
			picker: { node: 'AutoSend list', parameter: 'list', kind: 'locator', expected: ['Newsletter', 'Customers', UI_LIST] },
			expectedStatuses: { AutoSend: ['upserted', 'upserted', 'invalid'], 'AutoSend list': ['added', 'added', 'invalid'] },
			workflow: (credentialId) =>
				workflow('UI test: AutoSend', [
					{
						id: 'ui-autosend',
						name: 'AutoSend',
						type: `${PACKAGE}.autoSend`,
						credentials: { autoSendApi: { id: credentialId, name: 'AutoSend account' } },
						parameters: {
							resource: 'contact',
							operation: 'upsert',
							fieldsInput: 'columns',
							columns: {
								mappingMode: 'defineBelow',
								matchingColumns: ['email'],
								value: { email: expr('email'), firstName: expr('first_name'), lastName: expr('last_name'), [UI_FIELD.autosend]: expr('color') },
							},
							options: {},
						},
					},
					{
						id: 'ui-autosend-list',
						name: 'AutoSend list',
						type: `${PACKAGE}.autoSend`,
						credentials: { autoSendApi: { id: credentialId, name: 'AutoSend account' } },
						parameters: { resource: 'contactList', operation: 'addContacts', list: { __rl: true, mode: 'list', value: '' }, email: expr('email'), options: {} },
					},
				]),
		},
		{
			id: 'notifuse',
			displayName: 'Notifuse',
			credential: {
				typeName: 'Notifuse API',
				fields: [
					['baseUrl', emulators.notifuse.credentialBaseUrl],
					['workspaceId', 'ws_demo'],
				],
				goodKey: 'emulator-key',
				wrongKey: 'wrong-notifuse-key',
			},
			credentialData: (apiKey) => ({ apiKey, baseUrl: emulators.notifuse.credentialBaseUrl, workspaceId: 'ws_demo' }),
			syncNode: 'Notifuse',
			mapperLabels: ['Email', 'First Name', 'Last Name', `${UI_FIELD.notifuseLabel} (${UI_FIELD.notifuseSlot})`, 'Company (custom_string_1)'],
			picker: { node: 'Notifuse list', parameter: 'listIds', kind: 'multiOptions', expected: ['Newsletter', 'Customers', 'Product updates', UI_LIST] },
			expectedStatuses: { Notifuse: ['created', 'created', 'invalid'], 'Notifuse list': ['added', 'added', 'invalid'] },
			workflow: (credentialId) =>
				workflow('UI test: Notifuse', [
					{
						id: 'ui-notifuse',
						name: 'Notifuse',
						type: `${PACKAGE}.notifuse`,
						credentials: { notifuseApi: { id: credentialId, name: 'Notifuse account' } },
						parameters: {
							resource: 'contact',
							operation: 'import',
							fieldsInput: 'columns',
							columns: {
								mappingMode: 'defineBelow',
								matchingColumns: ['email'],
								value: { email: expr('email'), first_name: expr('first_name'), last_name: expr('last_name'), [UI_FIELD.notifuseSlot]: expr('color') },
							},
							options: {},
						},
					},
					{
						id: 'ui-notifuse-list',
						name: 'Notifuse list',
						type: `${PACKAGE}.notifuse`,
						credentials: { notifuseApi: { id: credentialId, name: 'Notifuse account' } },
						parameters: { resource: 'contactList', operation: 'addContacts', listIds: [], fieldsInput: 'columns', columns: { mappingMode: 'defineBelow', matchingColumns: ['email'], value: { email: expr('email') } }, options: {} },
					},
				]),
		},
		{
			id: 'sendgrid',
			displayName: 'SendGrid Contacts',
			credential: {
				typeName: 'SendGrid Marketing API',
				selects: [['region', 'Custom URL']],
				fields: [
					['baseUrl', emulators.sendgrid.credentialBaseUrl],
				],
				goodKey: 'emulator-key',
				wrongKey: 'SG.wrong-key',
				limitedKeys: [{ key: SENDGRID_MAIL_ONLY_KEY, label: 'key without Marketing scopes', says: /no Marketing access.*marketing\.read/s }],
			},
			credentialData: (apiKey) => ({ apiKey, region: 'custom', baseUrl: emulators.sendgrid.credentialBaseUrl }),
			syncNode: 'SendGrid Contacts',
			mapperLabels: ['Email', 'First Name', 'Last Name', `${UI_FIELD.sendgrid} (Text)`, 'company (Text)'],
			picker: { node: 'SendGrid Contacts', parameter: 'listIds', kind: 'multiOptions', expected: ['Newsletter', 'Customers', UI_LIST] },
			expectedStatuses: { 'SendGrid Contacts': ['created', 'created', 'invalid'] },
			workflow: (credentialId) =>
				workflow('UI test: SendGrid Contacts', [
					{
						id: 'ui-sendgrid',
						name: 'SendGrid Contacts',
						type: `${PACKAGE}.sendGridContacts`,
						credentials: { sendGridMarketingApi: { id: credentialId, name: 'SendGrid Marketing account' } },
						parameters: {
							resource: 'contact',
							operation: 'upsert',
							fieldsInput: 'columns',
							columns: {
								mappingMode: 'defineBelow',
								matchingColumns: ['email'],
								value: { email: expr('email'), first_name: expr('first_name'), last_name: expr('last_name'), [UI_FIELD.sendgrid]: expr('color') },
							},
							listIds: [],
							options: { waitForImport: true },
						},
					},
				]),
		},
	];
}
