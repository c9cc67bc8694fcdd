import type { FaultConfig, RateLimitConfig } from '../common';

/** Endpoint groups that get their own rate-limit bucket per API key (SendGrid limits per endpoint). */
export type EndpointGroup =
	| 'contacts.upsert'
	| 'contacts.imports'
	| 'contacts.search'
	| 'contacts.count'
	| 'lists'
	| 'field_definitions'
	| 'scopes';

export interface SendGridEmulatorOptions {
	port?: number;
	/** Bearer key accepted with full scopes (default `emulator-key`). */
	apiKey?: string;
	/** Default bucket for every endpoint group; `false` disables rate limiting entirely. */
	rateLimit?: RateLimitConfig | false;
	/** Per-group buckets that replace the default one (default: PUT contacts 10/s). */
	endpointRateLimits?: Partial<Record<EndpointGroup, RateLimitConfig>>;
	/** Send `Retry-After` with 429s (SendGrid does not document one). */
	sendRetryAfter?: boolean;
	faults?: FaultConfig;
	/** How long an upsert job stays `pending` before it is processed. */
	jobDelayMs?: number;
	/** Largest PUT /contacts body in bytes; 6 MB read as 6 * 1024 * 1024. */
	maxBodyBytes?: number;
	/** Status for an over-size body (undocumented; 413 by default). */
	oversizeStatus?: number;
	maxContactsPerRequest?: number;
	/** Where malformed emails are caught: `processing` (job row error, default) or `request` (400). */
	invalidEmailCheck?: 'processing' | 'request';
	/** Updates need all identifiers the contact already has (documented behaviour). */
	requireAllIdentifiers?: boolean;
	/** Key of `custom_fields` in search results: field name (default, like SendGrid) or field id. */
	searchCustomFieldsBy?: 'name' | 'id';
	/**
	 * Which Date custom-field values PUT /contacts accepts. The JSON format is undocumented
	 * (providers.md §3.5; the OpenAPI spec types the values as strings only): `mmddyyyy` is the CSV
	 * upload's documented MM/DD/YYYY, `iso8601` an ISO date or date-time, `anyParsable` (default)
	 * whatever JavaScript's Date.parse reads.
	 */
	dateValues?: 'anyParsable' | 'mmddyyyy' | 'iso8601';
	/** Emails (any case) whose rows fail at processing time, to produce `errored`/`failed` jobs. */
	poisonEmails?: string[];
}

export type ResolvedOptions = Required<Omit<SendGridEmulatorOptions, 'port' | 'faults' | 'rateLimit'>> &
	Pick<SendGridEmulatorOptions, 'port' | 'faults' | 'rateLimit'>;

export const SIX_MEGABYTES = 6 * 1024 * 1024;

export function resolveOptions(options: SendGridEmulatorOptions = {}): ResolvedOptions {
	return {
		port: options.port,
		faults: options.faults,
		apiKey: options.apiKey ?? 'emulator-key',
		rateLimit: options.rateLimit === undefined ? { perSecond: 50, burst: 100 } : options.rateLimit,
		endpointRateLimits: options.endpointRateLimits ?? { 'contacts.upsert': { perSecond: 10, burst: 10 } },
		sendRetryAfter: options.sendRetryAfter ?? false,
		jobDelayMs: options.jobDelayMs ?? 300,
		maxBodyBytes: options.maxBodyBytes ?? SIX_MEGABYTES,
		oversizeStatus: options.oversizeStatus ?? 413,
		maxContactsPerRequest: options.maxContactsPerRequest ?? 30_000,
		invalidEmailCheck: options.invalidEmailCheck ?? 'processing',
		requireAllIdentifiers: options.requireAllIdentifiers ?? true,
		searchCustomFieldsBy: options.searchCustomFieldsBy ?? 'name',
		poisonEmails: options.poisonEmails ?? [],
		dateValues: options.dateValues ?? 'anyParsable',
	};
}
