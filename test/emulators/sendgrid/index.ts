import { startServer, type RunningEmulator } from '../common';

import { DEFAULTS } from './defaults';
import { ErrorFileHost, type FileRequestLogEntry } from './fileHost';
import { resolveOptions, type SendGridEmulatorOptions } from './options';
import { SendGridProvider } from './provider';
import type { SendGridStore } from './store';

export { DEFAULTS } from './defaults';
export type { ErrorFileOptions, SendGridEmulatorOptions } from './options';
export type { FileRequestLogEntry } from './fileHost';

export interface RunningSendGridEmulator extends RunningEmulator {
	/** What a user types into the credential's Base URL field (paths start with /v3). */
	credentialBaseUrl: string;
	/** Live state; replaced on reset, so read it through this getter each time. */
	readonly store: SendGridStore;
	/** Requests the storage host behind `errors_url` received, with their Authorization header. */
	fileLog: FileRequestLogEntry[];
	/** The storage host's origin (differs from `baseUrl` by port). */
	fileHostUrl: string;
	/** Change job / errors-file behaviour until the next reset (`POST /__emulator/reset`). */
	configure: SendGridProvider['configure'];
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
	const files = new ErrorFileHost((id) => provider.store.jobs.get(id), () => provider.options.errorFile);
	await files.start();
	provider.setStorage(files);
	return {
		baseUrl: running.baseUrl,
		port: running.port,
		log: running.log,
		faults: running.faults,
		limiter: running.limiter,
		credentialBaseUrl: running.baseUrl,
		get store() {
			return provider.store;
		},
		fileLog: files.log,
		fileHostUrl: files.baseUrl,
		configure: (changes) => provider.configure(changes),
		clearLog: () => {
			running.clearLog();
			files.log.length = 0;
		},
		close: async () => {
			provider.dispose();
			await files.close();
			await running.close();
		},
	};
}

export const DEFAULT_API_KEY = DEFAULTS.apiKey;
