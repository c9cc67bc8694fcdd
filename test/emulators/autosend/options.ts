import type { FaultConfig, RateLimitConfig } from '../common';

/**
 * How bulk-update reports its counts. The seed page (seeds/000_…txt, "Bulk Update Contacts") shows only
 * `{"successCount":1,"failedCount":0,"totalCount":1}` and describes the fields as "Number of
 * successfully updated/created contacts", "Number of failed contacts" and "Total number of contacts
 * processed"; providers.md §1.3/§5: counts only, everything else [UNKNOWN]. Every reading but
 * `accurate` is a guess, kept so the node can be proven right against each:
 * - `accurate`: success = stored, failed = rejected, total = contacts sent (the example's reading).
 * - `zeros`: `{0,0,0}` although the contacts were processed as usual (a counting bug, or counts of an
 *   asynchronous job answered before it ran).
 * - `zerosNothingStored`: `{0,0,0}` and nothing stored (the request was accepted, then dropped).
 * - `totalProcessed`: total counts only the contacts stored ("processed"), so success + failed ≠ total
 *   whenever one failed.
 * - `failedUncounted`: failures are not counted (failed 0), total = contacts sent, so the sum is short.
 */
export type BulkUpdateCounts = 'accurate' | 'zeros' | 'zerosNothingStored' | 'totalProcessed' | 'failedUncounted';

export type ListRemoveAnswer = 'detailed' | 'counts' | 'bare';

/** What happens to a `customFields` key that has no definition in the project. */
export type UnknownCustomFieldPolicy = 'accept' | 'reject' | 'drop';

export interface AutoSendEmulatorOptions {
	port?: number;
	/** Project key (`AS_...` in real life) accepted with full access; default `emulator-key`. */
	apiKey?: string;
	/** Account key (`ASA_...`): needs `x-project-id` on every call. */
	accountApiKey?: string;
	/** A key that may read but not write, to produce 403s. */
	readOnlyApiKey?: string;
	/** Status for an account key without `x-project-id` (undocumented: 400 or 401). */
	missingProjectIdStatus?: 400 | 401;
	/** Token bucket per API key; AutoSend documents 2 requests/second. `false` disables it. */
	rateLimit?: RateLimitConfig | false;
	faults?: FaultConfig;
	/** Status for `POST /contacts` on an email that already exists (undocumented; 409 by default). */
	duplicateCreateStatus?: number;
	unknownCustomFieldPolicy?: UnknownCustomFieldPolicy;
	/** Contacts per `bulk-update` call (documented: 100). */
	maxBulkUpdateContacts?: number;
	/** How bulk-update counts (see BulkUpdateCounts); `accurate` by default. */
	bulkUpdateCounts?: BulkUpdateCounts;
	/**
	 * search/emails does not see contacts created less than this many ms ago. Whether AutoSend's search
	 * reads its own writes at once is not documented (providers.md §1.3 A4); 0 (default) = it does.
	 */
	searchLagMs?: number;
	/**
	 * How a `date` custom field is stored and answered: as sent (`2024-03-01`, the docs' example, A1/A2)
	 * or as a full ISO timestamp (`2024-03-01T00:00:00.000Z`) [guess: a database Date column].
	 */
	storedDateFormat?: 'asSent' | 'isoTimestamp';
	/**
	 * Which `date` custom-field values are accepted. Undocumented: the docs only ever show `YYYY-MM-DD`
	 * (providers.md §1.4, seeds/001), so `dateOnly` is that reading and `iso8601` (default) also takes
	 * ISO date-times [guess].
	 */
	dateValues?: 'iso8601' | 'dateOnly';
	/** Emails or contact ids per list `bulk-add` call (documented: 500). */
	maxBulkAddItems?: number;
	/** Emails per `contacts/search/emails` call (undocumented). */
	maxSearchEmails?: number;
	/** Emails or contact ids per list `contacts/remove` call (undocumented; 500 like bulk-add, a guess). */
	maxListRemoveItems?: number;
	/**
	 * The answer of `POST /contact-lists/{id}/contacts/remove`, which no page documents (the Convex SDK,
	 * providers.md §1.2 S2, only calls it): `detailed` (default) counts plus per-email lists in bulk-add's
	 * style, `counts` only `{removed}`, `bare` only `{success, message}` [all guesses].
	 */
	listRemoveAnswer?: ListRemoveAnswer;
	/** Emails per `contacts/remove` call (undocumented: the page says only "minimum 1"; guess 100). */
	maxRemoveEmails?: number;
	/**
	 * The `contacts/remove` answer: `success` is the rendered docs page's example `{"success": true}`;
	 * `ids` follows its summary ("Returns the IDs of the contacts that were successfully removed"),
	 * under a key the page does not name (here `data.removedIds`) [guess].
	 */
	removeAnswer?: 'success' | 'ids';
	/** Largest request body in bytes (undocumented; 1 MB, a common JSON body-parser setting). */
	maxBodyBytes?: number;
	maxEmailLength?: number;
	/** firstName, lastName, userId. */
	maxNameLength?: number;
	maxCustomStringLength?: number;
}

export interface ResolvedOptions {
	port?: number;
	faults?: FaultConfig;
	rateLimit: RateLimitConfig | false;
	apiKey: string;
	accountApiKey: string;
	readOnlyApiKey: string;
	missingProjectIdStatus: 400 | 401;
	duplicateCreateStatus: number;
	unknownCustomFieldPolicy: UnknownCustomFieldPolicy;
	maxBulkUpdateContacts: number;
	bulkUpdateCounts: BulkUpdateCounts;
	searchLagMs: number;
	storedDateFormat: 'asSent' | 'isoTimestamp';
	dateValues: 'iso8601' | 'dateOnly';
	maxBulkAddItems: number;
	maxSearchEmails: number;
	maxListRemoveItems: number;
	listRemoveAnswer: ListRemoveAnswer;
	maxRemoveEmails: number;
	removeAnswer: 'success' | 'ids';
	maxBodyBytes: number;
	maxEmailLength: number;
	maxNameLength: number;
	maxCustomStringLength: number;
}

export const AUTOSEND_RATE_LIMIT: RateLimitConfig = { perSecond: 2, burst: 2 };

export function resolveOptions(options: AutoSendEmulatorOptions = {}): ResolvedOptions {
	return {
		port: options.port,
		faults: options.faults,
		rateLimit: options.rateLimit === undefined ? AUTOSEND_RATE_LIMIT : options.rateLimit,
		apiKey: options.apiKey ?? 'emulator-key',
		accountApiKey: options.accountApiKey ?? 'ASA_emulator-account-key',
		readOnlyApiKey: options.readOnlyApiKey ?? 'AS_emulator-read-only-key',
		missingProjectIdStatus: options.missingProjectIdStatus ?? 401,
		duplicateCreateStatus: options.duplicateCreateStatus ?? 409,
		unknownCustomFieldPolicy: options.unknownCustomFieldPolicy ?? 'reject',
		maxBulkUpdateContacts: options.maxBulkUpdateContacts ?? 100,
		bulkUpdateCounts: options.bulkUpdateCounts ?? 'accurate',
		searchLagMs: options.searchLagMs ?? 0,
		storedDateFormat: options.storedDateFormat ?? 'asSent',
		dateValues: options.dateValues ?? 'iso8601',
		maxBulkAddItems: options.maxBulkAddItems ?? 500,
		maxSearchEmails: options.maxSearchEmails ?? 100,
		maxListRemoveItems: options.maxListRemoveItems ?? 500,
		listRemoveAnswer: options.listRemoveAnswer ?? 'detailed',
		maxRemoveEmails: options.maxRemoveEmails ?? 100,
		removeAnswer: options.removeAnswer ?? 'success',
		maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
		maxEmailLength: options.maxEmailLength ?? 254,
		maxNameLength: options.maxNameLength ?? 255,
		maxCustomStringLength: options.maxCustomStringLength ?? 1000,
	};
}
