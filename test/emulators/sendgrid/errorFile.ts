import type { ImportJob } from './store';

/**
 * The file behind a job's `errors_url`. SendGrid's layout is undocumented (third parties show a
 * CSV); the shared server only answers JSON, so ours is JSON:
 * `{"job_id":"…","errors":[{"row":1,"email":"…","phone_number_id":…,"external_id":…,"anonymous_id":…,"error":"…"}]}`
 * where `row` is the 1-based position of the contact in the PUT body's `contacts` array and
 * absent identifiers are null.
 */
export function errorFilePath(jobId: string): string {
	return `/__files/errors/${jobId}.json`;
}

export const ERROR_FILE_PATTERN = /^\/__files\/errors\/([^/]+)\.json$/;

export function errorFileBody(job: ImportJob) {
	return {
		job_id: job.id,
		errors: job.errors.map((e) => ({
			row: e.row,
			email: e.identifiers.email ?? null,
			phone_number_id: e.identifiers.phone_number_id ?? null,
			external_id: e.identifiers.external_id ?? null,
			anonymous_id: e.identifiers.anonymous_id ?? null,
			error: e.message,
		})),
	};
}
