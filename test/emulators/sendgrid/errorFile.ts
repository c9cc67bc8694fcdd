import type { ErrorFileOptions } from './options';
import type { ImportJob, JobRowError } from './store';

/**
 * The file behind a job's `errors_url`. SendGrid documents neither its layout nor its host
 * (providers.md §3.4 and §5: "the download URL of the file which provides information about any
 * errors", OpenAPI G1; the error file "will include the email addresses and error reasons",
 * support.sendgrid.com "Unable to Upload Contacts via a CSV file"; third-party examples name it
 * `errors.csv`). Our guesses, each switchable in `ErrorFileOptions`:
 * - CSV with a header row (default columns `row,email,phone_number_id,external_id,anonymous_id,error`),
 *   RFC 4180 quoting, CRLF line ends; `row` is the 1-based position of the contact in the PUT body.
 * - JSON (this emulator's earlier shape):
 *   `{"job_id":"…","errors":[{"row":1,"email":"…","phone_number_id":…,"external_id":…,"anonymous_id":…,"error":"…"}]}`
 *   with absent identifiers as null.
 * - HTML: what a storage host answers instead of the file (e.g. a sign-in page): an unknown format.
 */
export const API_ERROR_FILE_PATTERN = /^\/__files\/errors\/([^/.]+)(?:\.[a-z]+)?$/;
export const STORAGE_ERROR_FILE_PATTERN = /^\/errors\/([^/.]+)\.([a-z]+)$/;

export function apiErrorFilePath(jobId: string): string {
	return `/__files/errors/${jobId}`;
}

export function storageErrorFilePath(jobId: string, options: ErrorFileOptions): string {
	return `/errors/${jobId}.${options.format}`;
}

export function contentType(options: ErrorFileOptions): string {
	if (options.format === 'json') return 'application/json';
	if (options.format === 'html') return 'text/html; charset=utf-8';
	return 'text/csv; charset=utf-8';
}

function listed(job: ImportJob, options: ErrorFileOptions): JobRowError[] {
	return options.rowsListed === undefined ? job.errors : job.errors.slice(0, options.rowsListed);
}

export function errorFileBody(job: ImportJob, options?: ErrorFileOptions) {
	const rows = options ? listed(job, options) : job.errors;
	return {
		job_id: job.id,
		errors: rows.map((e) => ({
			row: e.row,
			email: e.identifiers.email ?? null,
			phone_number_id: e.identifiers.phone_number_id ?? null,
			external_id: e.identifiers.external_id ?? null,
			anonymous_id: e.identifiers.anonymous_id ?? null,
			error: e.message,
		})),
	};
}

function csvCell(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const IDENTIFIER_COLUMNS = new Set(['phone_number_id', 'external_id', 'anonymous_id']);

/** What a column carries, from its name: see `ErrorFileOptions.csvColumns`. */
function cellFor(column: string, row: { row: number; identifiers: Record<string, string | undefined>; message: string }): string {
	const name = column.toLowerCase().replace(/[^a-z0-9_]/g, '');
	if (IDENTIFIER_COLUMNS.has(name)) return row.identifiers[name] ?? '';
	if (name.includes('email')) return row.identifiers.email ?? '';
	if (name.includes('error') || name.includes('reason')) return row.message;
	if (name === 'row' || name.includes('line')) return String(row.row);
	return '';
}

function csvLine(cells: string[], options: ErrorFileOptions): string {
	return cells.map(csvCell).join(',') + options.lineEnding;
}

const FILLER_BATCH = 1_000;

/**
 * The file in pieces: `head` (everything real), `fillerBytes` of filler produced lazily by `filler()`,
 * then `tail`. A 300 MB file is never held in memory.
 */
export interface ErrorFileParts {
	head: string;
	tail: string;
	fillerBytes: number;
	filler(): Generator<string>;
}

function fixedWidthRows(total: number, makeRow: (i: number) => string): { bytes: number; rows: () => Generator<string> } {
	const width = Buffer.byteLength(makeRow(0));
	const count = Math.ceil(total / width);
	return {
		bytes: count * width,
		rows: function* () {
			for (let start = 0; start < count; start += FILLER_BATCH) {
				let piece = '';
				for (let i = start; i < Math.min(count, start + FILLER_BATCH); i++) piece += makeRow(i);
				yield piece;
			}
		},
	};
}

export function errorFileParts(job: ImportJob, options: ErrorFileOptions): ErrorFileParts {
	const bom = options.bom ? '\uFEFF' : '';
	if (options.format === 'html') {
		return { head: '<!doctype html><html><body><h1>Sign in to continue</h1></body></html>', tail: '', fillerBytes: 0, filler: function* () {} };
	}
	if (options.format === 'json') {
		const body = JSON.stringify(errorFileBody(job, options));
		if (options.paddingBytes <= 0) return { head: bom + body, tail: '', fillerBytes: 0, filler: function* () {} };
		const padding = fixedWidthRows(options.paddingBytes, () => 'x'.repeat(1_024));
		return { head: `${bom}${body.slice(0, -1)},"padding":"`, tail: '"}', fillerBytes: padding.bytes, filler: padding.rows };
	}
	let head = bom + csvLine(options.csvColumns, options);
	for (const row of listed(job, options)) head += csvLine(options.csvColumns.map((c) => cellFor(c, row)), options);
	const padding = fixedWidthRows(options.paddingBytes, (i) =>
		csvLine(options.csvColumns.map((c) => cellFor(c, { row: 0, identifiers: { email: `filler-${String(i).padStart(10, '0')}@padding.invalid` }, message: 'filler' })), options),
	);
	return { head, tail: '', fillerBytes: options.paddingBytes > 0 ? padding.bytes : 0, filler: options.paddingBytes > 0 ? padding.rows : function* () {} };
}
