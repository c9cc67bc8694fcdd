import type { HttpClient, OutgoingChunk } from '../shared/types';

import type { SendGridContact } from './contact';
import { FILE_IDENTIFIERS, parseErrorFile, type ErrorFileEntry } from './errorFile';

/**
 * 10 MiB: a row of the file is an email (≤254 characters) and a reason, so even a 30,000-contact
 * request with every row rejected at ~350 bytes a row fits, while a broken or hostile link (a 300 MB
 * file took 2.3 GB of memory when read whole) stops costing anything past it. Past the limit the
 * contacts are looked up instead.
 */
export const ERROR_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** The whole download, redirects included; the node's Timeout option lowers it. */
export const ERROR_FILE_MAX_MS = 60_000;
export const ERROR_FILE_MAX_REDIRECTS = 3;
/** Network errors, 429 and 5xx are tried again, twice; a body we cannot read is not. */
const ERROR_FILE_ATTEMPTS = 3;

export type ErrorsReading = { ok: true; rejected: Map<number, string> } | { ok: false; problem: string };

function originOf(url: string): string {
	try {
		return new URL(url).origin;
	} catch {
		return '';
	}
}

/** The chunk position of the contact a file row names: by email first, then by another identifier. */
function matcher(contacts: SendGridContact[]): (entry: ErrorFileEntry) => number | undefined {
	const byEmail = new Map<string, number>();
	const byIdentifier = new Map<string, number>();
	contacts.forEach((contact, i) => {
		if (typeof contact.email === 'string') byEmail.set(contact.email.toLowerCase(), i);
		for (const kind of FILE_IDENTIFIERS) {
			if (typeof contact[kind] === 'string') byIdentifier.set(`${kind}:${String(contact[kind])}`, i);
		}
	});
	return (entry) => {
		const email = entry.email === undefined ? undefined : byEmail.get(entry.email);
		if (email !== undefined) return email;
		for (const kind of FILE_IDENTIFIERS) {
			const value = entry.identifiers[kind];
			const index = value === undefined ? undefined : byIdentifier.get(`${kind}:${value}`);
			if (index !== undefined) return index;
		}
		return undefined;
	};
}

/** Downloads and reads the errors file: which contacts of the chunk it names as rejected, and why. */
export async function readRejected(url: string, chunk: OutgoingChunk<SendGridContact>, http: HttpClient, baseUrl: string): Promise<ErrorsReading> {
	if (!http.download) return { ok: false, problem: 'this n8n client cannot download it' };
	let result;
	for (let attempt = 1; ; attempt++) {
		result = await http.download({
			url,
			credentialOrigin: originOf(baseUrl),
			maxBytes: ERROR_FILE_MAX_BYTES,
			timeoutMs: Math.min(ERROR_FILE_MAX_MS, http.timeoutMs ?? ERROR_FILE_MAX_MS),
			maxRedirects: ERROR_FILE_MAX_REDIRECTS,
			accept: 'text/csv, application/json;q=0.9, */*;q=0.5',
		});
		const transient = result.ok ? result.status === 429 || result.status >= 500 : result.reason === 'network';
		if (!transient || attempt >= ERROR_FILE_ATTEMPTS) break;
		await http.sleep(500 * attempt);
	}
	if (!result.ok) return { ok: false, problem: result.message };
	if (result.status < 200 || result.status >= 300) return { ok: false, problem: `its link answered HTTP ${result.status}` };
	const parsed = parseErrorFile(result.text);
	if (!parsed.ok) return { ok: false, problem: parsed.problem };
	const indexOf = matcher(chunk.contacts);
	const rejected = new Map<number, string>();
	for (const entry of parsed.entries) {
		const index = indexOf(entry);
		if (index !== undefined && !rejected.has(index)) rejected.set(index, entry.reason ?? 'SendGrid rejected this contact (its errors file gives no reason)');
	}
	return { ok: true, rejected };
}
