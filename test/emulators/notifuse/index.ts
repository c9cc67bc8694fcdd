import { startServer, type RunningEmulator } from '../common';

import { resolveOptions, type NotifuseEmulatorOptions, type ResolvedOptions } from './options';
import { NotifuseProvider } from './provider';
import type { NotifuseStore } from './store';

export { DEFAULTS } from './defaults';
export type { ImportAnswerShape, NotifuseEmulatorOptions } from './options';

export interface RunningNotifuseEmulator extends RunningEmulator {
	/** The instance origin: what a user types into the credential's Base URL field. */
	credentialBaseUrl: string;
	/** Live state; replaced on reset, so read it through this getter each time. */
	readonly store: NotifuseStore;
	/** The options in force; tests may change them between requests (e.g. `importAnswer`). */
	readonly options: ResolvedOptions;
}

/** A bucket that is created only so POST /__emulator/ratelimit can switch limiting on later. */
const DORMANT_BUCKET = { perSecond: 1 };

/** Starts the Notifuse emulator on loopback (port 0 = any free port). */
export async function start(options: NotifuseEmulatorOptions = {}): Promise<RunningNotifuseEmulator> {
	const resolved = resolveOptions(options);
	const provider = new NotifuseProvider(resolved);
	const running = await startServer(provider, {
		port: resolved.port,
		rateLimit: resolved.rateLimit || DORMANT_BUCKET,
		faults: resolved.faults,
	});
	// Notifuse's API has no limit: keep the limiter but let everything through until configured.
	if (!resolved.rateLimit) running.limiter?.configure(undefined);
	return {
		baseUrl: running.baseUrl,
		port: running.port,
		log: running.log,
		faults: running.faults,
		limiter: running.limiter,
		clearLog: running.clearLog,
		credentialBaseUrl: running.baseUrl,
		options: resolved,
		get store() {
			return provider.store;
		},
		close: () => running.close(),
	};
}
