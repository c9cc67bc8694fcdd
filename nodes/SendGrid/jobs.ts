import type { IDataObject } from 'n8n-workflow';

import type { ChunkVerdict, ContactOutcome, ContactStatus, HttpClient, OutgoingChunk } from '../shared/types';

import type { SendGridContact } from './contact';
import { decide, type Decision, type JobContext } from './decide';
import { clip } from './errorFile';
import { customFieldNames, lookUp, SEARCH_BATCH, SEARCH_MAX_EMAIL_LENGTH } from './lookup';
import { readRejected } from './readErrors';
import { jobStatus, type JobStatus } from './schemas';
import { providerError } from './transport';

export interface JobWaitOptions {
	/** Give up waiting after this long; the contacts then report `queued` with their job id. */
	maxWaitMs: number;
	/** Base URL of the API: the errors file gets the API key only on this origin. */
	baseUrl: string;
	/** List ids sent with the contacts: a looked-up contact holds what was sent only when it is in them. */
	listIds: readonly string[];
	/** Per run: custom field names, read at most once, and only when a lookup needs them. */
	cache: { fieldNames?: Promise<Map<string, string> | undefined> };
}

const FIRST_POLL_MS = 500;
const MAX_POLL_INTERVAL_MS = 15_000;

export type JobResult = { kind: 'finished'; job: JobStatus } | { kind: 'pending' } | { kind: 'unreadable'; message: string };

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
			return { kind: 'unreadable', message: `Could not read import job ${jobId}: ${clip(providerError(response).message)}` };
		}
		const parsed = jobStatus.safeParse(response.body);
		if (!parsed.success) return { kind: 'unreadable', message: `SendGrid answered the status of import job ${jobId} with an unexpected body` };
		if (parsed.data.status !== 'pending') return { kind: 'finished', job: parsed.data };
		if (waited >= options.maxWaitMs) return { kind: 'pending' };
		pause = Math.min(pause * 2, MAX_POLL_INTERVAL_MS);
	}
}


/** SendGrid counts creates and updates per job, not per contact: name them only when the counts tell. */
function successStatus(job: JobStatus, succeeded: number): ContactStatus {
	if (succeeded > 0 && job.results?.created_count === succeeded) return 'created';
	if (succeeded > 0 && job.results?.updated_count === succeeded) return 'updated';
	return 'upserted';
}

/** Whether the errors file leaves contacts whose outcome the job does not tell: then they are looked up. */
function fileFallsShort(job: JobStatus, rejected: number): boolean {
	const errored = job.results?.errored_count;
	// A failed job never vouches for anyone; without a count, nobody is vouched for either.
	if (job.status === 'failed' || errored === undefined) return true;
	if (errored === 0) return job.status === 'errored' && rejected === 0;
	return rejected < errored;
}

/** Looks up, 100 at a time, the contacts the errors file did not account for, stopping once the counts are met. */
async function decideByLookup(
	pending: number[],
	chunk: OutgoingChunk<SendGridContact>,
	http: HttpClient,
	options: JobWaitOptions,
	context: Omit<JobContext, 'names'>,
	alreadyFailed: number,
): Promise<Map<number, Decision>> {
	const decisions = new Map<number, Decision>();
	const errored = context.job.results?.errored_count;
	let failedSoFar = alreadyFailed;
	const countsMet = () => context.job.status !== 'failed' && errored !== undefined && errored > 0 && failedSoFar >= errored;
	const searchable: number[] = [];
	for (const index of pending) {
		const email = chunk.contacts[index].email;
		if (typeof email === 'string' && email.length <= SEARCH_MAX_EMAIL_LENGTH) searchable.push(index);
	}
	let names: Map<string, string> | undefined;
	let i = 0;
	while (i < searchable.length && !countsMet()) {
		const batch = searchable.slice(i, i + SEARCH_BATCH);
		i += SEARCH_BATCH;
		if (!names && batch.some((index) => chunk.contacts[index].custom_fields)) {
			options.cache.fieldNames ??= customFieldNames(http);
			names = await options.cache.fieldNames;
		}
		const emailOf = (index: number) => String(chunk.contacts[index].email).toLowerCase();
		const found = await lookUp(batch.map(emailOf), http);
		for (const index of batch) {
			const decision = decide(chunk.contacts[index], found.get(emailOf(index)), { ...context, names });
			if (decision.kind === 'outcome' && decision.certainFailure) failedSoFar++;
			decisions.set(index, decision);
		}
	}
	for (const index of pending) {
		if (decisions.has(index)) continue;
		// Not looked up: the rejected rows are all found (the job's counts vouch for the rest), or there is no email to search by.
		decisions.set(index, countsMet() ? { kind: 'success' } : decide(chunk.contacts[index], undefined, { ...context, names }));
	}
	return decisions;
}

/** Turns a finished (or still pending) import job into one outcome per contact of the chunk. */
export async function jobVerdict(
	jobId: string,
	chunk: OutgoingChunk<SendGridContact>,
	http: HttpClient,
	options: JobWaitOptions,
	extra: Record<string, unknown>,
): Promise<ChunkVerdict> {
	const details = { jobId, ...extra } as IDataObject;
	const result = await waitForJob(jobId, http, options);
	if (result.kind === 'pending') {
		return { kind: 'all', outcome: { status: 'queued', details: { ...details, jobStatus: 'pending' } } };
	}
	if (result.kind === 'unreadable') {
		return { kind: 'all', outcome: { status: 'queued', details: { ...details, jobStatus: 'unknown', note: clip(result.message) } } };
	}
	const job = result.job;
	const count = chunk.contacts.length;
	if (job.status === 'completed' && (job.results?.errored_count ?? 0) === 0) {
		return { kind: 'all', outcome: { status: successStatus(job, count), details } };
	}

	const url = job.results?.errors_url;
	const reading = url ? await readRejected(url, chunk, http, options.baseUrl) : undefined;
	const rejected = reading?.ok ? reading.rejected : new Map<number, string>();
	const decisions = new Map<number, Decision>();
	for (const [index, reason] of rejected) {
		decisions.set(index, { kind: 'outcome', certainFailure: true, outcome: { status: 'failed', errorCode: 'JOB_ERROR', errorMessage: reason, details } });
	}
	const pending = chunk.contacts.map((_c, i) => i).filter((i) => !rejected.has(i));
	if (pending.length > 0 && fileFallsShort(job, rejected.size)) {
		const why = !url
			? 'it links no errors file'
			: reading?.ok
				? `its errors file names ${rejected.size} of them`
				: `its errors file could not be read: ${reading?.problem ?? 'unknown problem'}`;
		const looked = await decideByLookup(pending, chunk, http, options, { jobId, job, why, listIds: options.listIds, details }, rejected.size);
		for (const [index, decision] of looked) decisions.set(index, decision);
	}
	const settled = [...decisions.values()].filter((d) => d.kind === 'outcome');
	const succeeded = count - settled.length;
	// With contacts left unknown, the counts can no longer say which of the rest were created or updated.
	const status = settled.some((d) => d.kind === 'outcome' && d.outcome.status === 'unknown') ? 'upserted' : successStatus(job, succeeded);
	const outcomes = chunk.contacts.map((_contact, i): ContactOutcome => {
		const decision = decisions.get(i);
		return decision?.kind === 'outcome' ? decision.outcome : { status, details };
	});
	return { kind: 'outcomes', outcomes };
}
