import { startServer, type RunningEmulator } from '../common';
import { resolveOptions, type AutoSendEmulatorOptions, type ResolvedOptions } from './options';
import { AutoSendProvider } from './provider';
import type { AutoSendStore } from './store';

export { DEFAULTS } from './defaults';
export type { AutoSendEmulatorOptions, BulkUpdateCounts, UnknownCustomFieldPolicy } from './options';
export type { AutoSendStore, BulkOutcome } from './store';

export interface RunningAutoSendEmulator extends RunningEmulator {
	/** What a user types into the credential's Base URL field: `${baseUrl}/v1`. */
	credentialBaseUrl: string;
	/** Live state; replaced on reset, so read it through this getter each time. */
	readonly store: AutoSendStore;
	/** The options in force; tests may change them between requests (e.g. `bulkUpdateCounts`). */
	readonly options: ResolvedOptions;
}

/** Starts the AutoSend emulator on loopback (port 0 = any free port). */
export async function start(options: AutoSendEmulatorOptions = {}): Promise<RunningAutoSendEmulator> {
	const resolved = resolveOptions(options);
	const provider = new AutoSendProvider(resolved);
	const running = await startServer(provider, {
		port: resolved.port,
		rateLimit: resolved.rateLimit,
		faults: resolved.faults,
	});
	return {
		baseUrl: running.baseUrl,
		port: running.port,
		log: running.log,
		faults: running.faults,
		limiter: running.limiter,
		clearLog: running.clearLog,
		close: running.close,
		credentialBaseUrl: `${running.baseUrl}/v1`,
		options: resolved,
		get store() {
			return provider.store;
		},
	};
}
