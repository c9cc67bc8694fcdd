import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { FaultInjector, RequestLogEntry } from '../emulators/common';
import type { Harness, RunOptions, RunResult } from '../harness';
import * as autosend from '../nodes/autosend/setup';
import * as notifuse from '../nodes/notifuse/setup';
import * as sendgrid from '../nodes/sendgrid/setup';

/** One opened operation: the node in n8n's engine plus its provider's emulator. */
export interface Bed {
	run(items: INodeExecutionData[], options?: IDataObject, extra?: Partial<RunOptions>): Promise<RunResult>;
	/** Logged requests that carry contacts (the ones that must never be duplicated). */
	writes(): RequestLogEntry[];
	/** Every logged API request. */
	log(): RequestLogEntry[];
	faults: FaultInjector;
	/** The provider's own record (emulator state): does it hold a contact with this email? */
	holds(email: string): boolean;
	apiKey: string;
	/** Runs the node with another key or base URL (wrong key, unreachable host). */
	runAs(credential: CredentialOverride, items: INodeExecutionData[], options?: IDataObject, extra?: Partial<RunOptions>): Promise<RunResult>;
	reset(): Promise<void>;
	close(): Promise<void>;
}

export interface CredentialOverride {
	apiKey?: string;
	baseUrl?: string;
}

export interface Target {
	/** `Provider resource.operation`, as test titles show it. */
	name: string;
	/** False for AutoSend create: a resend could make a second contact. */
	idempotent: boolean;
	/** Contacts per request the provider accepts at most (1 for single-contact endpoints). */
	maxContacts: number;
	maxBytes?: number;
	/** Path + method of the requests that carry contacts. */
	write: { method: string; path: string };
	/** A valid contact in this provider's field names. */
	contact(i: number, prefix?: string): IDataObject;
	/** False when the operation reads only the email (list adds): other fields cannot be wrong. */
	mapsFields: boolean;
	/** An error answer in the provider's own shape. */
	errorBody(message: string): unknown;
	/** Field names for the fuzzer: plain strings, numbers, and where the mapping puts unknown keys. */
	fields: { name: string; number?: string; boolean?: string; date?: string; maxString: number };
	open(): Promise<Bed>;
}

async function resetEmulator(baseUrl: string) {
	await fetch(`${baseUrl}/__emulator/reset`, { method: 'POST' });
}

interface OpenedTestbed {
	harness: Harness;
	emulator: { baseUrl: string; log: RequestLogEntry[]; faults: FaultInjector };
	close(): Promise<void>;
}

/** The Bed every provider's testbed becomes: only how parameters and credentials are built differs. */
export function bedOf(
	bed: OpenedTestbed,
	how: {
		nodeType: string;
		apiKey: string;
		parameters(options: IDataObject): INodeParameters;
		credentials(override: CredentialOverride): RunOptions['credentials'];
		isWrite(entry: RequestLogEntry): boolean;
		holds(email: string): boolean;
	},
): Bed {
	const runAs: Bed['runAs'] = (credential, items, options = {}, extra = {}) =>
		bed.harness.run({ nodeType: how.nodeType, parameters: how.parameters(options), credentials: how.credentials(credential), items, ...extra });
	return {
		run: (items, options, extra) => runAs({}, items, options, extra),
		runAs,
		writes: () => bed.emulator.log.filter(how.isWrite),
		log: () => bed.emulator.log,
		faults: bed.emulator.faults,
		holds: how.holds,
		apiKey: how.apiKey,
		reset: () => resetEmulator(bed.emulator.baseUrl),
		close: () => bed.close(),
	};
}

function autoSendTarget(
	name: string,
	operation: 'create' | 'upsert' | 'bulkUpdate' | 'addContacts',
	write: string,
	maxContacts: number,
	idempotent = true,
): Target {
	const parameters = (options: IDataObject): INodeParameters =>
		operation === 'addContacts'
			? autosend.addParams(autosend.DEFAULTS.lists.customers.id, { options: { requestsPerSecond: 0, ...options } })
			: autosend.contactParams(operation, { options: { requestsPerSecond: 0, ...options } });
	return {
		name: `AutoSend ${name}`,
		idempotent,
		mapsFields: operation !== 'addContacts',
		maxContacts,
		write: { method: 'POST', path: write },
		contact: (i, prefix = 'person') => ({ email: `${prefix}-${i}@example.com`, firstName: `First ${i}` }),
		errorBody: (message) => ({ success: false, error: { message, code: 'BAD_REQUEST' } }),
		fields: { name: 'firstName', number: 'loginCount', boolean: 'isPremium', date: 'trialEndsAt', maxString: 255 },
		async open() {
			const bed = await autosend.testbed();
			return bedOf(bed, {
				nodeType: autosend.NODE_TYPE,
				apiKey: autosend.DEFAULTS.apiKey,
				parameters,
				credentials: (override) => bed.credentials({ ...override }),
				isWrite: (entry) => entry.path === write,
				holds: (email) => bed.emulator.store.findContact(email) !== undefined,
			});
		},
	};
}

function notifuseTarget(name: string, resource: 'contact' | 'contactList', operation: 'import' | 'upsert' | 'addContacts', write: string, maxContacts: number): Target {
	const extra: INodeParameters = operation === 'addContacts' ? { listIds: [notifuse.DEFAULTS.lists.newsletter.id] } : {};
	return {
		name: `Notifuse ${name}`,
		idempotent: true,
		mapsFields: true,
		maxContacts,
		write: { method: 'POST', path: write },
		contact: (i, prefix = 'person') => ({ email: `${prefix}-${i}@example.com`, first_name: `First ${i}` }),
		errorBody: (message) => ({ error: message }),
		fields: { name: 'first_name', number: 'custom_number_1', date: 'custom_datetime_1', maxString: 255 },
		async open() {
			const bed = await notifuse.testbed();
			return bedOf(bed, {
				nodeType: notifuse.NODE_TYPE,
				apiKey: notifuse.DEFAULTS.apiKey,
				parameters: (options) => notifuse.params(resource, operation, { ...extra, options: options as INodeParameters }),
				credentials: (override) => bed.credentials({ ...override }),
				isWrite: (entry) => entry.path === write,
				holds: (email) => bed.emulator.store.workspaces.get(notifuse.DEFAULTS.workspace.id)?.contacts.has(email) === true,
			});
		},
	};
}

function sendGridTarget(name: string, operation: 'upsert' | 'addContacts'): Target {
	const parameters = (options: IDataObject): INodeParameters =>
		operation === 'upsert'
			? sendgrid.upsertParams({ waitForImport: true, ...options })
			: sendgrid.addParams([sendgrid.DEFAULTS.lists.customers.id], { waitForImport: true, ...options });
	return {
		name: `SendGrid ${name}`,
		idempotent: true,
		mapsFields: operation === 'upsert',
		maxContacts: 30_000,
		maxBytes: 6_000_000,
		write: { method: 'PUT', path: '/v3/marketing/contacts' },
		contact: (i, prefix = 'person') => ({ email: `${prefix}-${i}@example.com`, first_name: `P${i}` }),
		errorBody: (message) => ({ errors: [{ field: null, message }] }),
		fields: { name: 'first_name', number: 'lifetime_value', date: 'signup_date', maxString: 50 },
		async open() {
			const bed = await sendgrid.testbed({ jobDelayMs: 20 });
			return bedOf(bed, {
				nodeType: sendgrid.NODE_TYPE,
				apiKey: sendgrid.DEFAULTS.apiKey,
				parameters,
				credentials: (override) => ({ sendGridMarketingApi: { ...bed.credentials()?.sendGridMarketingApi, ...override } }),
				isWrite: (entry) => entry.method === 'PUT' && entry.path === '/v3/marketing/contacts',
				holds: (email) => bed.emulator.store.findByEmail(email) !== undefined,
			});
		},
	};
}

/** Every operation of every node. */
export const TARGETS: Target[] = [
	autoSendTarget('contact.create', 'create', '/v1/contacts', 1, false),
	autoSendTarget('contact.upsert', 'upsert', '/v1/contacts/email', 1),
	autoSendTarget('contact.bulkUpdate', 'bulkUpdate', '/v1/contacts/bulk-update', 100),
	autoSendTarget('contactList.addContacts', 'addContacts', '/v1/contact-lists/contacts/bulk-add', 500),
	notifuseTarget('contact.import', 'contact', 'import', '/api/contacts.import', 5000),
	notifuseTarget('contact.upsert', 'contact', 'upsert', '/api/contacts.upsert', 1),
	notifuseTarget('contactList.addContacts', 'contactList', 'addContacts', '/api/contacts.import', 5000),
	sendGridTarget('contact.upsert', 'upsert'),
	sendGridTarget('contactList.addContacts', 'addContacts'),
];

/** The target with this title; a typo throws instead of silently dropping the tests that use it. */
export function targetNamed(name: string): Target {
	const target = TARGETS.find((t) => t.name === name);
	if (!target) throw new Error(`no reliability target named ${name}`);
	return target;
}

/**
 * The target's bed for the enclosing describe block: opened once, emulator state and faults reset
 * before every test, closed at the end. Tests call the returned function (the bed exists once
 * beforeAll has run).
 */
export function useBed(target: Target): () => Bed {
	let bed: Bed | undefined;
	beforeAll(async () => {
		bed = await target.open();
	});
	afterAll(async () => await bed?.close());
	beforeEach(async () => await bed?.reset());
	return () => {
		if (!bed) throw new Error(`the bed of ${target.name} is not open`);
		return bed;
	};
}

export function itemsOf(target: Target, count: number, prefix = 'person'): INodeExecutionData[] {
	return Array.from({ length: count }, (_, i) => ({ json: target.contact(i, prefix) }));
}
