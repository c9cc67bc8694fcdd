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
	/** Longest request URL (path + query) DELETE contacts accepts; undocumented, 8 KiB like common servers [guess]. */
	maxUrlLength?: number;
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
	/** The row error message of a poison email (a very long one tests truncation). */
	poisonMessage?: string;
	/**
	 * Every job ends `failed` with nothing stored and `errored_count` 0, no errors file: the reading of
	 * "the job was entirely unprocessable" (DOC import-contacts-status) in which no row is counted.
	 */
	unprocessableJobs?: boolean;
	/** How the file behind `errors_url` is served (see errorFile.ts). */
	errorFile?: Partial<ErrorFileOptions>;
}

/**
 * The file behind `errors_url`. Its layout and host are undocumented (providers.md §3.4, §5): SendGrid
 * says only that it is "the download URL of the file which provides information about any errors"
 * (OpenAPI G1, ContactImport.results.errors_url) and that the error file of an import includes "the
 * email addresses and error reasons" (support.sendgrid.com "Unable to Upload Contacts via a CSV
 * file"); third-party examples name it `errors.csv`. Every knob below is a guess that lets a test
 * produce one plausible reading, or a broken download.
 */
export interface ErrorFileOptions {
	/** `csv` (default), `json` (this emulator's earlier shape), or `html` (e.g. a storage login page). */
	format: 'csv' | 'json' | 'html';
	/**
	 * CSV header, in order. Names containing `email` carry the email, `error`/`reason` the message,
	 * `row` the 1-based request position, identifier names their value; any other column stays empty.
	 */
	csvColumns: string[];
	/** Line ending of the CSV and whether it starts with a UTF-8 byte-order mark. */
	lineEnding: '\r\n' | '\n';
	bom: boolean;
	/** `storage`: on another origin (default, guess); `api-redirect`: on the API origin, answering 302 to storage. */
	location: 'storage' | 'api-redirect';
	/** Extra 302 hops inside storage before the file (tests the node's redirect limit). */
	storageRedirects: number;
	/** HTTP status of the download (e.g. 403 for an expired link, 500). */
	status: number;
	/** List at most this many rows (a file that does not account for `errored_count`). */
	rowsListed?: number;
	/** Wait before answering at all. */
	delayMs: number;
	/** Send the body in small pieces, one every `trickleMs` (a slow file). */
	trickleMs: number;
	/** Filler rows of this many bytes after the real rows (a huge file), streamed, never buffered. */
	paddingBytes: number;
	/** Send Content-Length (false: chunked, the client only learns the size by reading). */
	contentLength: boolean;
}

export type ResolvedOptions = Required<Omit<SendGridEmulatorOptions, 'port' | 'faults' | 'rateLimit' | 'errorFile'>> &
	Pick<SendGridEmulatorOptions, 'port' | 'faults' | 'rateLimit'> & { errorFile: ErrorFileOptions };

export const DEFAULT_ERROR_FILE: ErrorFileOptions = {
	format: 'csv',
	csvColumns: ['row', 'email', 'phone_number_id', 'external_id', 'anonymous_id', 'error'],
	lineEnding: '\r\n',
	bom: false,
	location: 'storage',
	storageRedirects: 0,
	status: 200,
	rowsListed: undefined,
	delayMs: 0,
	trickleMs: 0,
	paddingBytes: 0,
	contentLength: true,
};

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
		maxUrlLength: options.maxUrlLength ?? 8192,
		maxBodyBytes: options.maxBodyBytes ?? SIX_MEGABYTES,
		oversizeStatus: options.oversizeStatus ?? 413,
		maxContactsPerRequest: options.maxContactsPerRequest ?? 30_000,
		invalidEmailCheck: options.invalidEmailCheck ?? 'processing',
		requireAllIdentifiers: options.requireAllIdentifiers ?? true,
		searchCustomFieldsBy: options.searchCustomFieldsBy ?? 'name',
		poisonEmails: options.poisonEmails ?? [],
		poisonMessage: options.poisonMessage ?? 'email address rejected',
		unprocessableJobs: options.unprocessableJobs ?? false,
		errorFile: { ...DEFAULT_ERROR_FILE, ...options.errorFile },
		dateValues: options.dateValues ?? 'anyParsable',
	};
}
