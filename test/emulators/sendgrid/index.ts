import { startServer, type RunningEmulator } from '../common';

import { DEFAULTS } from './defaults';
import { resolveOptions, type SendGridEmulatorOptions } from './options';
import { SendGridProvider } from './provider';
import type { SendGridStore } from './store';

export { DEFAULTS } from './defaults';
export type { SendGridEmulatorOptions } from './options';

export interface RunningSendGridEmulator extends RunningEmulator {
	/** What a user types into the credential's Base URL field (paths start with /v3). */
	credentialBaseUrl: string;
	/** Live state; replaced on reset, so read it through this getter each time. */
	readonly store: SendGridStore;
}

/** Starts the SendGrid Marketing emulator on loopback (port 0 = any free port). */
export async function start(options: SendGridEmulatorOptions = {}): Promise<RunningSendGridEmulator> {
	const resolved = resolveOptions(options);
	const provider = new SendGridProvider(resolved);
	const running = await startServer(provider, {
		port: resolved.port,
		rateLimit: resolved.rateLimit,
		faults: resolved.faults,
	});
	provider.setBaseUrl(running.baseUrl);
	return {
		baseUrl: running.baseUrl,
		port: running.port,
		log: running.log,
		faults: running.faults,
		limiter: running.limiter,
		clearLog: running.clearLog,
		credentialBaseUrl: running.baseUrl,
		get store() {
			return provider.store;
		},
		close: async () => {
			provider.dispose();
			await running.close();
		},
	};
}

export const DEFAULT_API_KEY = DEFAULTS.apiKey;
