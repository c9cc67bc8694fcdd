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
	/** The shape of a 200 answer to contacts.import (see ImportAnswerShape); default `source`. */
	importAnswer?: ImportAnswerShape;
	/** The top-level `error` text of the shapes that carry one. */
	importGlobalError?: string;
}

/**
 * 200 answers to contacts.import. Notifuse's handler (internal/http/contact_handler.go, every version
 * since 9899918f) turns a non-empty `result.Error` into a 500 and only ever answers 200 with
 * `{"operations":[...]}` (`source`). The OpenAPI spec (openapi/components/schemas/contact.yaml
 * `BatchImportContactsResponse`) allows more on a 200, which a fork, a future version or a proxy may
 * send; each reading the spec leaves open is one shape:
 * - `errorAfterStoring`: operations as usual plus a top-level `error` ("Global error message if the
 *   entire operation failed"), the contacts stored anyway (a later step, e.g. list subscription, failed).
 * - `errorNothingStored`: the same answer, but read literally: the whole operation failed, nothing stored.
 * - `errorOnly`: `{"error": "..."}` with status 200, nothing stored (`operations` absent).
 * - `nullOperations`: `{"operations": null}`: Go encodes a nil slice as null (domain/contact.go has no
 *   omitempty on `operations`); nothing stored [guess: the answer names no contact].
 * - `nullOperationsWithError`: `{"operations": null, "error": "..."}`, nothing stored.
 * - `nullOperationErrors`: normal processing, but every operation carries `"error": null`, which the
 *   spec allows (`UpsertContactOperation.error` is `nullable: true`); Go's `omitempty` never sends it.
 */
export type ImportAnswerShape =
	| 'source'
	| 'errorAfterStoring'
	| 'errorNothingStored'
	| 'errorOnly'
	| 'nullOperations'
	| 'nullOperationsWithError'
	| 'nullOperationErrors';

export interface ResolvedOptions {
	port?: number;
	apiKey: string;
	rateLimit: RateLimitConfig | false;
	faults?: FaultConfig;
	maxImportContacts?: number;
	maxBodyBytes?: number;
	importChunkSize: number;
	importAnswer: ImportAnswerShape;
	importGlobalError: string;
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
		importAnswer: options.importAnswer ?? 'source',
		// The text the handler logs for a failed import ("Failed to import contacts"); no 200 carries it in Notifuse.
		importGlobalError: options.importGlobalError ?? 'Failed to import contacts',
	};
}
