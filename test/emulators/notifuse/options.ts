import type { FaultConfig, RateLimitConfig } from '../common';

import { DEFAULTS } from './defaults';

export interface NotifuseEmulatorOptions {
	port?: number;
	/** Token accepted for the default admin user (default `emulator-key`). */
	apiKey?: string;
	/**
	 * Notifuse has no rate limit on its authenticated API, so this is off by default. Give a bucket
	 * to simulate a limiting proxy; it can also be switched on later via POST /__emulator/ratelimit.
	 */
	rateLimit?: RateLimitConfig | false;
	faults?: FaultConfig;
	/** Simulated reverse-proxy cap on contacts per import request (the server itself has none). */
	maxImportContacts?: number;
	/** Simulated reverse-proxy cap on request body size in bytes (the server itself has none). */
	maxBodyBytes?: number;
	/** Contacts per internal SQL batch; a too-long value fails the whole batch (Notifuse: 500). */
	importChunkSize?: number;
}

export interface ResolvedOptions {
	port?: number;
	apiKey: string;
	rateLimit: RateLimitConfig | false;
	faults?: FaultConfig;
	maxImportContacts?: number;
	maxBodyBytes?: number;
	importChunkSize: number;
}

export const NOTIFUSE_IMPORT_CHUNK_SIZE = 500;

export function resolveOptions(options: NotifuseEmulatorOptions = {}): ResolvedOptions {
	return {
		port: options.port,
		apiKey: options.apiKey ?? DEFAULTS.apiKey,
		rateLimit: options.rateLimit ?? false,
		faults: options.faults,
		maxImportContacts: options.maxImportContacts,
		maxBodyBytes: options.maxBodyBytes,
		importChunkSize: options.importChunkSize ?? NOTIFUSE_IMPORT_CHUNK_SIZE,
	};
}
