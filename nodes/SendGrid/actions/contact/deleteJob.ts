import { TransportError } from '../../../shared/retry';
import type { ContactOutcome, HttpClient, HttpResponse } from '../../../shared/types';
import { isSuccess } from '../../../shared/verdicts';
import { clip } from '../../errorFile';
import { waitForJob } from '../../jobs';
import { DELETE_MAX_IDS, DELETE_MAX_IDS_CHARS } from '../../limits';
import { lookUp } from '../../lookup';
import { providerError } from '../../transport';

/** A cancelled execution must stop the run, not become a per-contact failure. */
const rethrowCancel = (error: unknown) => {
	if (error instanceof TransportError && error.cancelled) throw error;
};

export interface DeleteWait {
	wait: boolean;
	maxWaitMs: number;
}

/** Groups of ids whose comma-joined, URL-encoded list stays within the count and length bounds. */
export function idGroups(ids: string[]): string[][] {
	const groups: string[][] = [];
	let group: string[] = [];
	let chars = 0;
	for (const id of ids) {
		const size = encodeURIComponent(id).length + (group.length > 0 ? 3 : 0);
		if (group.length > 0 && (group.length >= DELETE_MAX_IDS || chars + size > DELETE_MAX_IDS_CHARS)) {
			groups.push(group);
			group = [];
			chars = 0;
		}
		chars += group.length > 0 ? size : encodeURIComponent(id).length;
		group.push(id);
	}
	if (group.length > 0) groups.push(group);
	return groups;
}

/** The spec types `job_id` as an object while every answer carries a string: take either. */
function jobIdOf(response: HttpResponse): string | undefined {
	const jobId = (response.body as { job_id?: unknown } | undefined)?.job_id;
	if (typeof jobId === 'string' && jobId !== '') return jobId;
	return jobId !== undefined && jobId !== null ? JSON.stringify(jobId) : undefined;
}

/**
 * One DELETE for a group of contacts (email → id), then, when asked, the job read back: a finished
 * job is checked by looking the emails up again, so only contacts that are gone report `deleted`.
 */
export async function deleteGroup(contacts: Map<string, string>, http: HttpClient, options: DeleteWait): Promise<Map<string, ContactOutcome>> {
	const emails = [...contacts.keys()];
	const all = (outcome: ContactOutcome) => new Map(emails.map((email) => [email, { ...outcome, id: contacts.get(email) }]));
	let response: HttpResponse;
	try {
		response = await http.sendWithRetry({ method: 'DELETE', url: '/v3/marketing/contacts', qs: { ids: [...contacts.values()].join(',') } });
	} catch (error) {
		rethrowCancel(error);
		return all({ status: 'failed', errorCode: 'DELETE_FAILED', errorMessage: `The delete request failed: ${(error as Error).message}. Deleting is safe to run again.` });
	}
	const jobId = isSuccess(response) ? jobIdOf(response) : undefined;
	if (!jobId) {
		const why = isSuccess(response) ? 'an answer without job_id' : clip(providerError(response).message);
		return all({ status: 'failed', errorCode: `HTTP_${response.status}`, errorMessage: `SendGrid did not accept the delete (${response.status}): ${why}` });
	}
	const details = { jobId };
	if (!options.wait) return all({ status: 'queued', details });
	const job = await waitForJob(jobId, http, { maxWaitMs: options.maxWaitMs, baseUrl: '', listIds: [], cache: {} });
	if (job.kind !== 'finished') {
		const note = job.kind === 'pending' ? 'the delete job was still pending when the wait ended' : clip(job.message);
		return all({ status: 'queued', errorMessage: note, details: { ...details, jobStatus: job.kind === 'pending' ? 'pending' : 'unknown' } });
	}
	const after = await lookUp(emails, http);
	const outcomes = new Map<string, ContactOutcome>();
	for (const email of emails) {
		const id = contacts.get(email);
		const lookup = after.get(email);
		const jobDetails = { ...details, jobStatus: job.job.status };
		if (lookup?.kind === 'missing') outcomes.set(email, { status: 'deleted', id, details: jobDetails });
		else if (lookup?.kind === 'found' && lookup.contact.id === id) {
			outcomes.set(email, { status: 'failed', id, errorCode: 'STILL_STORED', errorMessage: `Delete job ${jobId} ended ${job.job.status} and SendGrid still finds this contact`, details: jobDetails });
		} else {
			outcomes.set(email, { status: 'unknown', id, errorMessage: `Delete job ${jobId} ended ${job.job.status}; looking the contact up again did not tell whether it is gone`, details: jobDetails });
		}
	}
	return outcomes;
}
