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
