import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { DEFAULTS, start, type NotifuseEmulatorOptions } from '../../emulators/notifuse';
import { createHarness, type Harness, type RunOptions, type RunResult } from '../../harness';

export { DEFAULTS };

export type Emulator = Awaited<ReturnType<typeof start>>;

export const NODE_TYPE = 'notifuse';

export interface NotifuseTestbed {
	harness: Harness;
	emulator: Emulator;
	credentials(overrides?: IDataObject): RunOptions['credentials'];
	run(parameters: INodeParameters, items: INodeExecutionData[], extra?: Partial<RunOptions>): Promise<RunResult>;
	/** API requests (not emulator control calls) to a path since the last reset. */
	requests(path?: string): Emulator['log'];
	close(): Promise<void>;
}

const PACKAGE_DIR = join(__dirname, '../../..');
const CREDENTIAL_FILE = 'dist/credentials/NotifuseApi.credentials.js';
const NODE_FILE = 'dist/nodes/Notifuse/Notifuse.node.js';

/**
 * The same package reduced to the Notifuse node, for while the other nodes listed in package.json
 * are not built yet (the loader requires every listed file).
 */
function notifuseOnlyPackage(): string {
	const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as Record<string, unknown>;
	const dir = mkdtempSync(join(tmpdir(), 'notifuse-package-'));
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
		return await createHarness({ packageDir: notifuseOnlyPackage() });
	}
}

/** Harness over the built package plus a fresh emulator; `rateLimit: false` unless a test asks. */
export async function testbed(options: NotifuseEmulatorOptions = {}): Promise<NotifuseTestbed> {
	const harness = await loadHarness();
	const emulator = await start({ rateLimit: false, ...options });
	const credentials = (overrides: IDataObject = {}) => ({
		notifuseApi: {
			baseUrl: emulator.credentialBaseUrl,
			apiKey: DEFAULTS.apiKey,
			workspaceId: DEFAULTS.workspace.id,
			...overrides,
		},
	});
	return {
		harness,
		emulator,
		credentials,
		run: async (parameters, items, extra = {}) =>
			await harness.run({ nodeType: NODE_TYPE, parameters, credentials: credentials(), items, ...extra }),
		requests: (path) => emulator.log.filter((entry) => entry.path.startsWith(path ?? '/api/')),
		close: async () => await emulator.close(),
	};
}

/** The full parameter set of an operation in auto-map mode (the harness fills no defaults). */
export function params(
	resource: 'contact' | 'contactList',
	operation: 'import' | 'upsert' | 'addContacts',
	extra: INodeParameters = {},
): INodeParameters {
	return {
		resource,
		operation,
		workspaceId: '',
		fieldsInput: 'columns',
		columns: { mappingMode: 'autoMapInputData', value: null },
		options: {},
		...extra,
	};
}

export function items(values: IDataObject[]): INodeExecutionData[] {
	return values.map((json) => ({ json }));
}

/** `count` distinct contacts, emails `prefix-<i>@example.com`. */
export function people(count: number, prefix = 'person', extra: (i: number) => IDataObject = () => ({})): INodeExecutionData[] {
	return Array.from({ length: count }, (_, i) => ({
		json: { email: `${prefix}-${i}@example.com`, first_name: `First ${i}`, ...extra(i) },
	}));
}

export function statuses(result: RunResult, output = 0): unknown[] {
	return (result.outputs[output] ?? []).map((item) => item.json.status);
}
