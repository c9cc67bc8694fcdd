import type { IDataObject } from 'n8n-workflow';

import type { ContactOutcome } from '../shared/types';

import type { SendGridContact } from './contact';
import { clip } from './errorFile';
import { compareStored, type Lookup } from './lookup';
import type { JobStatus } from './schemas';

/** What a decision needs to know about the job, and the sentence that explains why we looked. */
export interface JobContext {
	jobId: string;
	job: JobStatus;
	/** Why the errors file did not settle this contact, e.g. "its errors file could not be read: …". */
	why: string;
	listIds: readonly string[];
	names: ReadonlyMap<string, string> | undefined;
	details: IDataObject;
}

/** `success` is decided later, from the job's counts (created / updated / upserted). */
export type Decision = { kind: 'success' } | { kind: 'outcome'; outcome: ContactOutcome; certainFailure: boolean };

const FRACTION = /T\d{2}:\d{2}:\d{2}\.\d/;

/**
 * Whether the contact was written at or after the job started. SendGrid's documented timestamps
 * carry whole seconds (`2021-03-30T15:26:16Z`, OpenAPI G1): then an update in the job's first second
 * counts as during the job, never as before it.
 */
function updatedSinceStart(updatedAt: string, startedAt: string): boolean {
	const updated = Date.parse(updatedAt);
	const started = Date.parse(startedAt);
	const precise = FRACTION.test(updatedAt) && FRACTION.test(startedAt);
	return updated >= (precise ? started : Math.floor(started / 1000) * 1000);
}

function fail(code: string, message: string, context: JobContext): Decision {
	return { kind: 'outcome', certainFailure: true, outcome: { status: 'failed', errorCode: code, errorMessage: clip(message), details: context.details } };
}

function unknown(message: string, context: JobContext): Decision {
	return { kind: 'outcome', certainFailure: false, outcome: { status: 'unknown', errorCode: 'JOB_OUTCOME_UNKNOWN', errorMessage: clip(message), details: context.details } };
}

/**
 * One contact the errors file did not account for, decided from what SendGrid holds now. A contact
 * is `failed` only when SendGrid provably does not hold what was sent (absent, or other values and
 * not updated since the job started); a `failed` job never yields a success.
 */
export function decide(sent: SendGridContact, lookup: Lookup | undefined, context: JobContext): Decision {
	const { jobId, job, why } = context;
	const errored = job.results?.errored_count;
	const summary = `Import job ${jobId} ended "${job.status}" with ${errored ?? 'an unknown number'} of ${job.results?.requested_count ?? '?'} contacts rejected; ${why}.`;
	const say = (specific: string) => `${specific}. ${summary}`;
	if (lookup === undefined) return unknown(say('Whether SendGrid stored this contact is not known: it has no email of at most 100 characters to look it up by'), context);
	if (lookup.kind === 'failed') return unknown(say(`Whether SendGrid stored this contact is not known: ${lookup.message}`), context);
	if (lookup.kind === 'missing') return fail('NOT_STORED', say('SendGrid has no contact with this email after the import'), context);
	if (lookup.kind === 'invalid') return fail('NOT_STORED', say(`SendGrid calls this email address invalid (${lookup.message})`), context);

	const stored = lookup.contact;
	const { differs } = compareStored(sent, stored, context.listIds, context.names);
	if (!job.started_at || !stored.updated_at || Number.isNaN(Date.parse(job.started_at)) || Number.isNaN(Date.parse(stored.updated_at))) {
		return unknown(say('SendGrid holds this contact, but without the job start and the contact update times it cannot be told whether the import applied it'), context);
	}
	const touched = updatedSinceStart(stored.updated_at, job.started_at);
	if (!touched && differs) {
		return fail('NOT_APPLIED', say(`SendGrid did not apply this contact: it holds other values than were sent and was last updated ${stored.updated_at}, before the import started`), context);
	}
	if (!touched) {
		return unknown(say(`SendGrid already held these values before the import started (last updated ${stored.updated_at}); whether the import applied this contact is not known`), context);
	}
	if (differs) {
		return unknown(say(`SendGrid updated this contact during the import (${stored.updated_at}) but holds other values than were sent; another write may have overtaken it`), context);
	}
	if (job.status === 'failed') {
		return unknown(say(`SendGrid holds the values sent (updated ${stored.updated_at}), but the import job failed; another write may have stored them`), context);
	}
	return { kind: 'success' };
}
