import type { HttpClient } from '../../../shared/types';
import { isSuccess } from '../../../shared/verdicts';
import { searchAnswer, type StoredContact } from '../../schemas';
import { providerError } from '../../transport';

/** Not documented; the official SDKs never send more, and 100 matches bulk-update's own limit. */
export const SEARCH_MAX_EMAILS = 100;

export type LookupResult = { found: Map<string, StoredContact>; requests: number } | { problem: string; requests: number };

/** What AutoSend stores for these emails (POST /contacts/search/emails); absent emails are not stored. */
export async function lookUpContacts(emails: string[], http: HttpClient): Promise<LookupResult> {
	const found = new Map<string, StoredContact>();
	let requests = 0;
	for (let start = 0; start < emails.length; start += SEARCH_MAX_EMAILS) {
		const body = { emails: emails.slice(start, start + SEARCH_MAX_EMAILS) };
		requests++;
		let response;
		try {
			response = await http.sendWithRetry({ method: 'POST', url: '/contacts/search/emails', body });
		} catch (error) {
			return { problem: http.signal?.aborted ? 'the execution was cancelled' : (error as Error).message, requests };
		}
		if (!isSuccess(response)) return { problem: `HTTP ${response.status}: ${providerError(response).message}`, requests };
		const parsed = searchAnswer.safeParse(response.body);
		if (!parsed.success) return { problem: `an answer without data.contacts (HTTP ${response.status})`, requests };
		for (const contact of parsed.data.data.contacts) found.set(contact.email.trim().toLowerCase(), contact);
	}
	return { found, requests };
}
