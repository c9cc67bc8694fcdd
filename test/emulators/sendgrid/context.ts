import type { JobRunner } from './jobs';
import type { ResolvedOptions } from './options';
import type { SendGridStore } from './store';

/** What every route handler needs. `baseUrl` is known only once the server listens. */
export interface SendGridContext {
	store: SendGridStore;
	jobs: JobRunner;
	options: ResolvedOptions;
	baseUrl(): string;
}
