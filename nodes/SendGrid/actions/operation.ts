import type { TransportConfig } from '../../shared/http';
import type { BulkOptionDefaults } from '../../shared/options';
import type { BulkAdapter } from '../../shared/types';
import type { SendGridContact } from '../contact';
import { MAX_CONTACTS_PER_REQUEST } from '../fields';
import { SENDGRID_TIMEOUT_MS } from '../transport';

/** What an operation hands the router: the engine does the rest. */
export interface PreparedOperation {
	adapter: BulkAdapter<SendGridContact>;
	transport: TransportConfig;
	defaults: BulkOptionDefaults;
}

/** SendGrid publishes no contacts rate limit; it answers 429 with X-RateLimit-Reset, which the engine honours. */
export const upsertDefaults: BulkOptionDefaults = {
	batchSize: MAX_CONTACTS_PER_REQUEST,
	maxBatchSize: MAX_CONTACTS_PER_REQUEST,
	concurrency: 2,
	requestsPerSecond: 0,
	batched: true,
	timeoutMs: SENDGRID_TIMEOUT_MS,
};
