/**
 * What the browser test runs against: the three emulators (seeded with a list and a custom field each),
 * the packed package installed into a throwaway n8n user folder, and `n8n start` on a free port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { installPackedPackage } from '../e2e/installPackage';
import type { Emulators } from '../e2e/types';
import { PACKAGE } from '../e2e/workflow';
import { PROVIDERS, startEmulators } from '../providers';
import { startN8n, type N8nServer } from './n8nServer';
import { seed, seeds } from './seeds';

export interface Stack {
	n8n: N8nServer;
	emulators: Emulators;
	userFolder: string;
	close(): Promise<void>;
}

export const packageDir = resolve(__dirname, '..', '..');

export async function startStack(n8nBin: string): Promise<Stack> {
	const userFolder = mkdtempSync(join(tmpdir(), 'contact-sync-ui-'));
	installPackedPackage(packageDir, userFolder, PACKAGE, process.env.E2E_TARBALL || undefined);
	const emulators: Emulators = await startEmulators(() => ({ rateLimit: false, jobDelayMs: 200 }));
	const closeEmulators = () => Promise.all(Object.values(emulators).map((e) => e.close()));
	try {
		for (const provider of PROVIDERS) await seed(emulators[provider.key].baseUrl, seeds[provider.key]);
	} catch (error) {
		await closeEmulators();
		throw error;
	}
	let n8n: N8nServer;
	try {
		n8n = await startN8n(n8nBin, userFolder);
	} catch (error) {
		await closeEmulators();
		throw error;
	}
	return {
		n8n,
		emulators,
		userFolder,
		async close() {
			await n8n.stop();
			await closeEmulators();
			if (!process.env.UI_KEEP) rmSync(userFolder, { recursive: true, force: true });
		},
	};
}
