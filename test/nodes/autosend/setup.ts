import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { DEFAULTS, start, type AutoSendEmulatorOptions } from '../../emulators/autosend';
import { createHarness, type Harness, type RunOptions, type RunResult } from '../../harness';

export { DEFAULTS };

export type Emulator = Awaited<ReturnType<typeof start>>;

export const NODE_TYPE = 'autoSend';

export interface AutoSendTestbed {
	harness: Harness;
	emulator: Emulator;
	credentials(overrides?: IDataObject): RunOptions['credentials'];
	run(parameters: INodeParameters, items: INodeExecutionData[], extra?: Partial<RunOptions>): Promise<RunResult>;
	/** API requests (not emulator control calls), optionally only those to one path. */
	requests(path?: string): Emulator['log'];
	close(): Promise<void>;
}

const PACKAGE_DIR = join(__dirname, '../../..');
const CREDENTIAL_FILE = 'dist/credentials/AutoSendApi.credentials.js';
const NODE_FILE = 'dist/nodes/AutoSend/AutoSend.node.js';

/** The package reduced to the AutoSend node, for when another listed node is not built (the loader requires every file). */
function autoSendOnlyPackage(): string {
	const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as Record<string, unknown>;
	const dir = mkdtempSync(join(tmpdir(), 'autosend-package-'));
	symlinkSync(join(PACKAGE_DIR, 'dist'), join(dir, 'dist'));
	const n8n = { ...(manifest.n8n as object), credentials: [CREDENTIAL_FILE], nodes: [NODE_FILE] };
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, n8n }));
	return dir;
}

async function loadHarness(): Promise<Harness> {
	try {
		return await createHarness({ packageDir: PACKAGE_DIR });
	} catch (error) {
		if (!String((error as Error).message).includes('Cannot find module')) throw error;
		return await createHarness({ packageDir: autoSendOnlyPackage() });
	}
}

/** Harness over the built package plus a fresh emulator; `rateLimit: false` unless a test asks. */
export async function testbed(options: AutoSendEmulatorOptions = {}): Promise<AutoSendTestbed> {
	const harness = await loadHarness();
	const emulator = await start({ rateLimit: false, ...options });
	const credentials = (overrides: IDataObject = {}) => ({
		autoSendApi: { baseUrl: emulator.credentialBaseUrl, apiKey: DEFAULTS.apiKey, projectId: '', ...overrides },
	});
	return {
		harness,
		emulator,
		credentials,
		run: async (parameters, items, extra = {}) =>
			await harness.run({ nodeType: NODE_TYPE, parameters, credentials: credentials(), items, ...extra }),
		requests: (path) => emulator.log.filter((entry) => entry.path.startsWith(`/v1${path ?? '/'}`)),
		close: async () => await emulator.close(),
	};
}

export type ContactOperation = 'create' | 'upsert' | 'bulkUpdate';

/** The full parameter set of a contact operation in auto-map mode (the harness fills no defaults). */
export function contactParams(operation: ContactOperation, extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'contact',
		operation,
		fieldsInput: 'columns',
		columns: { mappingMode: 'autoMapInputData', value: null },
		runWorkflow: false,
		// Pacing off for speed; the rate-limit test turns it back on.
		options: { requestsPerSecond: 0 },
		...extra,
	};
}

export function addParams(listId: string, extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'contactList',
		operation: 'addContacts',
		list: { __rl: true, mode: 'id', value: listId },
		email: '={{ $json.email }}',
		// Pacing off for speed; the rate-limit test turns it back on.
		options: { requestsPerSecond: 0 },
		...extra,
	};
}

export function items(values: IDataObject[]): INodeExecutionData[] {
	return values.map((json) => ({ json }));
}

/** `count` distinct contacts, emails `prefix-<i>@example.com`. */
export function people(count: number, prefix = 'person', extra: (i: number) => IDataObject = () => ({})): INodeExecutionData[] {
	return Array.from({ length: count }, (_, i) => ({ json: { email: `${prefix}-${i}@example.com`, firstName: `First ${i}`, ...extra(i) } }));
}

export function statuses(result: RunResult, output = 0): unknown[] {
	return (result.outputs[output] ?? []).map((item) => item.json.status);
}

export function countBy(values: unknown[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
	return counts;
}
