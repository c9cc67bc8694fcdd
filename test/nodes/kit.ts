import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { createHarness, type Harness, type RunOptions, type RunResult } from '../harness';
import type { Provider, StartedEmulator } from '../providers';

const PACKAGE_DIR = join(__dirname, '../..');

/** The node in n8n's engine against its provider's emulator. */
export interface Testbed<E extends StartedEmulator> {
	harness: Harness;
	emulator: E;
	credentials(overrides?: IDataObject): RunOptions['credentials'];
	run(parameters: INodeParameters, items: INodeExecutionData[], extra?: Partial<RunOptions>): Promise<RunResult>;
	/** Emulator state, faults and request log back to the seed; the harness's processed-data store emptied. */
	reset(): Promise<void>;
	close(): Promise<void>;
}

/** The package reduced to one node, for when another listed node is not built (the loader requires every file). */
function onePackage(files: { node: string; credential: string }): string {
	const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as Record<string, unknown>;
	const dir = mkdtempSync(join(tmpdir(), 'node-package-'));
	symlinkSync(join(PACKAGE_DIR, 'dist'), join(dir, 'dist'));
	const n8n = { ...(manifest.n8n as object), credentials: [files.credential], nodes: [files.node] };
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, n8n }));
	return dir;
}

async function loadHarness(files?: { node: string; credential: string }): Promise<Harness> {
	try {
		return await createHarness({ packageDir: PACKAGE_DIR });
	} catch (error) {
		if (!files || !String((error as Error).message).includes('Cannot find module')) throw error;
		return await createHarness({ packageDir: onePackage(files) });
	}
}

/** The built package in n8n's engine plus a fresh emulator of `provider`. */
export async function openTestbed<E extends StartedEmulator>(
	provider: Provider,
	start: () => Promise<E>,
	onlyFiles?: { node: string; credential: string },
): Promise<Testbed<E>> {
	const harness = await loadHarness(onlyFiles);
	const emulator = await start();
	const credentials = (overrides: IDataObject = {}) => ({
		[provider.credentialType]: { ...provider.credential(emulator), ...overrides } as ICredentialDataDecryptedObject,
	});
	return {
		harness,
		emulator,
		credentials,
		run: async (parameters, items, extra = {}) =>
			await harness.run({ nodeType: provider.nodeType, parameters, credentials: credentials(), items, ...extra }),
		reset: async () => {
			harness.processedData.clear();
			await fetch(`${emulator.baseUrl}/__emulator/reset`, { method: 'POST' });
		},
		close: async () => await emulator.close(),
	};
}

export function items(values: IDataObject[]): INodeExecutionData[] {
	return values.map((json) => ({ json }));
}

/** `count` distinct contacts, emails `prefix-<i>@example.com`, with the provider's `fields(i)`. */
export function peopleWith(fields: (i: number) => IDataObject) {
	return (count: number, prefix = 'person', extra: (i: number) => IDataObject = () => ({})): INodeExecutionData[] =>
		Array.from({ length: count }, (_, i) => ({ json: { email: `${prefix}-${i}@example.com`, ...fields(i), ...extra(i) } }));
}

export function statuses(result: RunResult, output = 0): unknown[] {
	return (result.outputs[output] ?? []).map((item) => item.json.status);
}

export function countBy(values: unknown[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
	return counts;
}

/**
 * The testbed of the enclosing describe block (or file): opened once, reset to the seed before every
 * test, closed at the end. The returned object forwards to the bed once beforeAll has opened it.
 */
export function useTestbed<T extends { reset(): Promise<void>; close(): Promise<void> }>(open: () => Promise<T>): T {
	let bed: T | undefined;
	beforeAll(async () => {
		bed = await open();
	});
	afterAll(async () => await bed?.close());
	beforeEach(async () => await bed?.reset());
	return new Proxy({} as T, {
		get(_target, key) {
			if (!bed) throw new Error('the testbed is used before beforeAll opened it');
			return Reflect.get(bed, key) as unknown;
		},
	});
}
