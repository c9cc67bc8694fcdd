import type { ChunkVerdict, ContactOutcome, ContactStatus, HttpClient, OutgoingChunk } from '../shared/types';

import type { SendGridContact } from './contact';
import { errorFile, jobStatus, type JobStatus } from './schemas';
import { providerError } from './transport';

export interface JobWaitOptions {
	/** Give up waiting after this long; the contacts then report `queued` with their job id. */
	maxWaitMs: number;
	/** Base URL of the API: the errors file gets the API key only when it is on the same host. */
	baseUrl: string;
}

const FIRST_POLL_MS = 500;
const MAX_POLL_INTERVAL_MS = 15_000;

type JobResult = { kind: 'finished'; job: JobStatus } | { kind: 'pending' } | { kind: 'unreadable'; message: string };

/** Polls the import job with growing pauses until it finishes or the wait budget is spent (cancel-aware). */
export async function waitForJob(jobId: string, http: HttpClient, options: JobWaitOptions): Promise<JobResult> {
	let waited = 0;
	let pause = FIRST_POLL_MS;
	for (;;) {
		const step = Math.min(pause, Math.max(0, options.maxWaitMs - waited));
		if (step > 0) await http.sleep(step);
		waited += step;
		const response = await http.sendWithRetry({ method: 'GET', url: `/v3/marketing/contacts/imports/${encodeURIComponent(jobId)}` });
		if (response.status < 200 || response.status >= 300) {
			return { kind: 'unreadable', message: `Could not read import job ${jobId}: ${providerError(response).message}` };
		}
		const parsed = jobStatus.safeParse(response.body);
		if (!parsed.success) return { kind: 'unreadable', message: `SendGrid answered the status of import job ${jobId} with an unexpected body` };
		if (parsed.data.status !== 'pending') return { kind: 'finished', job: parsed.data };
		if (waited >= options.maxWaitMs) return { kind: 'pending' };
		pause = Math.min(pause * 2, MAX_POLL_INTERVAL_MS);
	}
}

function sameOrigin(url: string, baseUrl: string): boolean {
	try {
		return new URL(url).origin === new URL(baseUrl).origin;
	} catch {
		return false;
	}
}

/** Rejected rows of a job by position in the request (0-based); undefined when the file cannot be read. */
async function readRejectedRows(
	job: JobStatus,
	chunk: OutgoingChunk<SendGridContact>,
	http: HttpClient,
	baseUrl: string,
): Promise<Map<number, string> | undefined> {
	const url = job.results?.errors_url;
	if (!url) return undefined;
	// A download link on another host (e.g. a storage bucket) must never receive the API key.
	const response = await http.sendWithRetry({ method: 'GET', url, anonymous: !sameOrigin(url, baseUrl) });
	const parsed = errorFile.safeParse(response.body);
	if (response.status < 200 || response.status >= 300 || !parsed.success) return undefined;
	const byEmail = new Map<string, number>();
	chunk.contacts.forEach((contact, i) => {
		if (typeof contact.email === 'string') byEmail.set(contact.email, i);
	});
	const rejected = new Map<number, string>();
	for (const entry of parsed.data.errors) {
		const index =
			entry.row !== undefined && entry.row >= 1 && entry.row <= chunk.contacts.length
				? entry.row - 1
				: entry.email
					? byEmail.get(entry.email.toLowerCase())
					: undefined;
		if (index !== undefined) rejected.set(index, entry.error ?? 'SendGrid rejected this contact');
	}
	return rejected;
}

/** SendGrid counts creates and updates per job, not per contact: name them only when the counts tell. */
function successStatus(job: JobStatus, succeeded: number): ContactStatus {
	if (succeeded > 0 && job.results?.created_count === succeeded) return 'created';
	if (succeeded > 0 && job.results?.updated_count === succeeded) return 'updated';
	return 'upserted';
}

/** Turns a finished (or still pending) import job into one outcome per contact of the chunk. */
export async function jobVerdict(
	jobId: string,
	chunk: OutgoingChunk<SendGridContact>,
	http: HttpClient,
	options: JobWaitOptions,
	extra: Record<string, unknown>,
): Promise<ChunkVerdict> {
	const details = { jobId, ...extra };
	const result = await waitForJob(jobId, http, options);
	if (result.kind === 'pending') {
		return { kind: 'all', outcome: { status: 'queued', details: { ...details, jobStatus: 'pending' } } };
	}
	if (result.kind === 'unreadable') {
		return { kind: 'all', outcome: { status: 'queued', details: { ...details, jobStatus: 'unknown', note: result.message } } };
	}
	const job = result.job;
	const errored = job.results?.errored_count ?? (job.status === 'completed' ? 0 : chunk.contacts.length);
	const rejected = errored > 0 ? await readRejectedRows(job, chunk, http, options.baseUrl) : new Map<number, string>();
	if (!rejected) {
		// Which contacts failed is unknown: report them all as failed rather than claim a success; upserts are safe to re-run.
		return {
			kind: 'all',
			outcome: {
				status: 'failed',
				errorCode: 'JOB_ERRORS_UNREADABLE',
				errorMessage: `SendGrid import job ${jobId} ${job.status} with ${errored} of ${chunk.contacts.length} contacts rejected, and its error file could not be read; check the job in SendGrid`,
				details,
			},
		};
	}
	const status = successStatus(job, chunk.contacts.length - rejected.size);
	const outcomes = chunk.contacts.map((_contact, i): ContactOutcome => {
		const message = rejected.get(i);
		if (message !== undefined) return { status: 'failed', errorCode: 'JOB_ERROR', errorMessage: message, details };
		return { status, details };
	});
	return { kind: 'outcomes', outcomes };
}
