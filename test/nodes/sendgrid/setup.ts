import { join } from 'node:path';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { DEFAULTS, start, type SendGridEmulatorOptions } from '../../emulators/sendgrid';
import { createHarness, type Harness, type RunOptions, type RunResult } from '../../harness';

export { DEFAULTS };

export type Emulator = Awaited<ReturnType<typeof start>>;

export const NODE_TYPE = 'sendGridContacts';
const PACKAGE_DIR = join(__dirname, '../../..');

export interface SendGridTestbed {
	harness: Harness;
	emulator: Emulator;
	credentials(apiKey?: string): RunOptions['credentials'];
	run(parameters: INodeParameters, items: INodeExecutionData[], extra?: Partial<RunOptions>): Promise<RunResult>;
	/** Logged API requests to exactly this method + path. */
	requests(method: string, path: string): Emulator['log'];
	close(): Promise<void>;
}

/** The built package in n8n's engine plus a fresh SendGrid emulator (rate limiting off unless asked). */
export async function testbed(options: SendGridEmulatorOptions = {}): Promise<SendGridTestbed> {
	const harness = await createHarness({ packageDir: PACKAGE_DIR });
	const emulator = await start({ rateLimit: false, jobDelayMs: 50, ...options });
	const credentials = (apiKey: string = DEFAULTS.apiKey) => ({
		sendGridMarketingApi: { apiKey, region: 'custom', baseUrl: emulator.credentialBaseUrl },
	});
	return {
		harness,
		emulator,
		credentials,
		run: async (parameters, items, extra = {}) =>
			await harness.run({ nodeType: NODE_TYPE, parameters, credentials: credentials(), items, ...extra }),
		requests: (method, path) => emulator.log.filter((entry) => entry.method === method && entry.path === path),
		close: async () => await emulator.close(),
	};
}

/** Full parameter set of Contact → Create or Update in auto-map mode (the harness fills no defaults). */
export function upsertParams(options: Record<string, unknown> = {}, extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'contact',
		operation: 'upsert',
		fieldsInput: 'columns',
		columns: { mappingMode: 'autoMapInputData', value: null },
		listIds: [],
		options: options as INodeParameters,
		...extra,
	};
}

export function addParams(listIds: string[], options: Record<string, unknown> = {}): INodeParameters {
	return { resource: 'contactList', operation: 'addContacts', listIds, email: '={{ $json.email }}', options: options as INodeParameters };
}

export function people(count: number, prefix = 'person', extra: (i: number) => Record<string, unknown> = () => ({})): INodeExecutionData[] {
	return Array.from({ length: count }, (_, i) => ({ json: { email: `${prefix}-${i}@example.com`, first_name: `P${i}`, ...extra(i) } }));
}

export function statuses(result: RunResult, output = 0): unknown[] {
	return (result.outputs[output] ?? []).map((item) => item.json.status);
}

export function countBy(values: unknown[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
	return counts;
}
