import { randomUUID } from 'node:crypto';

import { isValidEmail } from './emailFormat';
import type { ResolvedOptions } from './options';
import type { ImportJob, SendGridStore } from './store';
import type { ValidUpsert } from './validation';

/**
 * Runs upsert jobs the way SendGrid's queue appears from outside: `pending` for a while, then all
 * rows applied in request order (so a repeated email is last-wins and counts as an update), then
 * `completed` / `errored` / `failed`. Contacts only become visible when the job runs.
 */
export class JobRunner {
	private timers = new Set<NodeJS.Timeout>();

	constructor(
		private store: SendGridStore,
		private options: ResolvedOptions,
	) {}

	enqueue(request: ValidUpsert, requestedCount: number): ImportJob {
		const job = this.pendingJob('upsert', requestedCount);
		this.later(() => this.process(job, request));
		return job;
	}

	/** A job as GET /v3/marketing/contacts/imports/{id} shows it before it runs (OpenAPI ContactImport). */
	private pendingJob(type: 'upsert' | 'delete', requestedCount: number): ImportJob {
		const job: ImportJob = {
			id: randomUUID(),
			status: 'pending',
			job_type: type,
			requested_count: requestedCount,
			created_count: 0,
			updated_count: 0,
			deleted_count: 0,
			errored_count: 0,
			errors: [],
			started_at: new Date().toISOString(),
		};
		this.store.jobs.set(job.id, job);
		return job;
	}

	/** Runs `task` after the job delay, like a queued job (imports, deletions, list removals). */
	later(task: () => void) {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			task();
		}, this.options.jobDelayMs);
		timer.unref();
		this.timers.add(timer);
	}

	/**
	 * DELETE /v3/marketing/contacts: a `delete` job (OpenAPI ContactImport job_type `upsert|delete`,
	 * results.deleted_count), pending like an upsert, then every existing id deleted. Ids that name no
	 * contact are skipped without an error row: no source says what SendGrid does with them [guess].
	 */
	enqueueDelete(ids: string[]): ImportJob {
		const job = this.pendingJob('delete', ids.length);
		this.later(() => {
			job.finished_at = new Date().toISOString();
			// The "entirely unprocessable" reading of `failed` (DOC import-contacts-status): nothing deleted.
			if (this.options.unprocessableJobs) {
				job.status = 'failed';
				return;
			}
			for (const id of ids) if (this.store.deleteById(id)) job.deleted_count++;
			job.status = 'completed';
		});
		return job;
	}

	/** Why a row fails at processing time, or undefined when it can be applied. */
	private rowError(email: string | undefined): string | undefined {
		if (email === undefined) return undefined;
		if (this.options.invalidEmailCheck === 'processing' && !isValidEmail(email)) return 'invalid email';
		if (this.store.poisonEmails.has(email)) return this.options.poisonMessage;
		return undefined;
	}

	private process(job: ImportJob, request: ValidUpsert) {
		const now = new Date().toISOString();
		if (this.options.unprocessableJobs) {
			// "Failed means finished with all errors, or the job was entirely unprocessable" (DOC
			// import-contacts-status); whether an unprocessable job counts its rows is not said: here it does not.
			job.finished_at = now;
			job.status = 'failed';
			return;
		}
		for (const contact of request.contacts) {
			const identifiers = contact.identifiers;
			let message = this.rowError(identifiers.email);
			if (message === undefined) {
				const outcome = this.store.upsert(contact, request.listIds, now, this.options.requireAllIdentifiers);
				if (outcome.kind === 'created') job.created_count++;
				else if (outcome.kind === 'updated') job.updated_count++;
				else if (outcome.kind === 'error') message = outcome.message;
			}
			if (message !== undefined) {
				job.errored_count++;
				job.errors.push({ row: contact.index + 1, identifiers, message });
			}
		}
		job.finished_at = new Date().toISOString();
		if (job.errored_count === 0) job.status = 'completed';
		else if (job.errored_count === job.requested_count) job.status = 'failed';
		else job.status = 'errored';
	}

	/** Forget scheduled work (reset / close). */
	cancelAll() {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}
}
