import type { TransportConfig } from '../../shared/http';
import type { BulkOptionDefaults } from '../../shared/options';
import type { BulkAdapter } from '../../shared/types';
import type { NotifuseContact } from '../contact';

/** What an operation hands the router: the engine does the rest. */
export interface PreparedOperation {
	adapter: BulkAdapter<NotifuseContact>;
	transport: TransportConfig;
	defaults: BulkOptionDefaults;
}

/** The JSON string of a workspace id, for envelopes built by hand. */
export function workspaceJson(workspaceId: string): string {
	return JSON.stringify(workspaceId);
}

/** Notifuse has no rate limit on its authenticated API; a few parallel requests keep a self-hosted instance comfortable. */
export const NOTIFUSE_CONCURRENCY = 4;

/** Contacts per contacts.import request: the server's own internal SQL batch size. It enforces no cap. */
export const IMPORT_BATCH_SIZE = 500;
export const IMPORT_MAX_BATCH_SIZE = 5000;
