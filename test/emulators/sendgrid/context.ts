import type { JobRunner } from './jobs';
import type { ResolvedOptions } from './options';
import type { SendGridStore } from './store';

/** What every route handler needs. `baseUrl` is known only once the server listens. */
export interface SendGridContext {
	store: SendGridStore;
	jobs: JobRunner;
	options: ResolvedOptions;
	baseUrl(): string;
	/** Where a job's `errors_url` points (storage host, or the API origin that redirects there). */
	errorFileUrl(jobId: string): string;
	/** The storage host's URL of the file itself. */
	storageFileUrl(jobId: string): string;
}
