/** What the reliability suites run: one operation of one node (a Target) opened as a Bed on its emulator. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { FaultInjector, RequestLogEntry } from '../emulators/common';
import type { Harness, RunOptions, RunResult } from '../harness';

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

export interface OpenedTestbed {
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

