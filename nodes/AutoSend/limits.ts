import type { BulkOptionDefaults } from '../shared/options';

/** AutoSend's documented limit: 2 requests per second per API key. Two in flight keeps the pacer busy without bursts. */
export const AUTOSEND_REQUESTS_PER_SECOND = 2;
export const AUTOSEND_CONCURRENCY = 2;

/** Documented: "Required array length: 1 - 100 elements". */
export const BULK_UPDATE_MAX_CONTACTS = 100;
/** Not in the crawled docs; AutoSend's own Convex SDK refuses more than 500 per call. */
export const BULK_ADD_MAX_EMAILS = 500;

export const SINGLE_CONTACT_DEFAULTS: BulkOptionDefaults = {
	batchSize: 1,
	maxBatchSize: 1,
	concurrency: AUTOSEND_CONCURRENCY,
	requestsPerSecond: AUTOSEND_REQUESTS_PER_SECOND,
	batched: false,
};

/**
 * POST /contact-lists/{id}/contacts/remove: no source gives a maximum. 100 matches the one documented
 * AutoSend array limit (bulk-update); a 400 about the emails splits the request in case it is lower.
 */
export const LIST_REMOVE_DEFAULT_EMAILS = 100;
export const LIST_REMOVE_MAX_EMAILS = BULK_ADD_MAX_EMAILS;

/**
 * Emails per `contacts/search/emails` and per `contacts/remove` call. Neither page documents a
 * maximum (search: "min 1"; remove: "minimum 1"); 100 is bulk-update's documented limit and what
 * the official SDKs send, so Get and Delete stay there unless the user lowers it.
 */
export const BY_EMAIL_MAX_EMAILS = 100;

export const BY_EMAIL_DEFAULTS: BulkOptionDefaults = {
	writesContacts: false,
	batchSize: BY_EMAIL_MAX_EMAILS,
	maxBatchSize: BY_EMAIL_MAX_EMAILS,
	concurrency: AUTOSEND_CONCURRENCY,
	requestsPerSecond: AUTOSEND_REQUESTS_PER_SECOND,
	batched: true,
};
