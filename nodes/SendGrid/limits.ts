import type { BulkOptionDefaults } from '../shared/options';

import { SENDGRID_TIMEOUT_MS } from './transport';

export const MAX_CONTACTS_PER_REQUEST = 30_000;
/**
 * SendGrid's 6 MB cap; the documentation does not say whether it means 6,000,000 bytes or 6 MiB, so
 * the node stays under the smaller reading.
 */
export const MAX_BYTES_PER_REQUEST = 6_000_000;

/** SendGrid publishes no contacts rate limit; it answers 429 with X-RateLimit-Reset, which the engine honours. */
export const upsertDefaults: BulkOptionDefaults = {
	batchSize: MAX_CONTACTS_PER_REQUEST,
	maxBatchSize: MAX_CONTACTS_PER_REQUEST,
	concurrency: 2,
	requestsPerSecond: 0,
	batched: true,
	timeoutMs: SENDGRID_TIMEOUT_MS,
};

/**
 * Remove Contacts: one search/emails call (≤100 emails, OpenAPI) resolves a chunk's ids, so a chunk is
 * at most 100 contacts. The DELETE carries the ids in its URL; the spec gives no count limit, so the
 * query is also kept under 7,000 characters (servers commonly refuse request lines over 8 KB).
 */
export const LIST_REMOVE_MAX_CONTACTS = 100;
export const LIST_REMOVE_MAX_QUERY_CHARS = 7000;

export const listRemoveDefaults: BulkOptionDefaults = {
	writesContacts: false,
	batchSize: LIST_REMOVE_MAX_CONTACTS,
	maxBatchSize: LIST_REMOVE_MAX_CONTACTS,
	concurrency: 2,
	requestsPerSecond: 0,
	batched: true,
};

/** Get and Delete look emails up with search/emails: at most 100 per call (OpenAPI, see lookup.ts). */
export const byEmailDefaults: BulkOptionDefaults = {
	writesContacts: false,
	batchSize: 100,
	maxBatchSize: 100,
	concurrency: 2,
	requestsPerSecond: 0,
	batched: true,
	timeoutMs: SENDGRID_TIMEOUT_MS,
};

/**
 * DELETE /v3/marketing/contacts takes the ids in the query (`ids=a,b`) and documents no maximum;
 * what bounds it is the URL. 100 ids of 36 characters encode to about 3,900; a group of ids is also
 * closed before its encoded list passes 6,000 characters, under the 8 KiB many servers and proxies allow.
 */
export const DELETE_MAX_IDS = 100;
export const DELETE_MAX_IDS_CHARS = 6_000;
