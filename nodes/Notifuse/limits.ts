import type { BulkOptionDefaults } from '../shared/options';


/** Notifuse has no rate limit on its authenticated API; a few parallel requests keep a self-hosted instance comfortable. */
export const NOTIFUSE_CONCURRENCY = 4;

/** Contacts per contacts.import request: the server's own internal SQL batch size. It enforces no cap. */
export const IMPORT_BATCH_SIZE = 500;
export const IMPORT_MAX_BATCH_SIZE = 5000;

/** Get and Delete: Notifuse looks up and deletes one email per call (contacts.getByEmail, contacts.delete). */
export const BY_EMAIL_DEFAULTS: BulkOptionDefaults = {
	writesContacts: false,
	batchSize: 1,
	maxBatchSize: 1,
	concurrency: NOTIFUSE_CONCURRENCY,
	requestsPerSecond: 0,
	batched: false,
};
