import type { RequestLogEntry } from '../emulators/common';

/** Every email a request body carries, wherever the provider's shape puts it (`email`, `emails[]`). */
export function emailsIn(body: unknown, found: string[] = []): string[] {
	if (Array.isArray(body)) {
		for (const value of body) emailsIn(value, found);
	} else if (body !== null && typeof body === 'object') {
		for (const [key, value] of Object.entries(body)) {
			if (key === 'email' && typeof value === 'string') found.push(value.toLowerCase());
			else if (key === 'emails' && Array.isArray(value)) {
				for (const email of value) if (typeof email === 'string') found.push(email.toLowerCase());
			} else emailsIn(value, found);
		}
	}
	return found;
}

export function emailsOf(entry: RequestLogEntry): string[] {
	if (!entry.requestBody || entry.requestBody.length === 0) return [];
	try {
		return emailsIn(JSON.parse(entry.requestBody.toString('utf8')));
	} catch {
		return [];
	}
}

/** The provider handled the request (its state may have changed), whatever the client then saw. */
export function reachedProvider(entry: RequestLogEntry): boolean {
	return entry.fault !== 'status' && entry.fault !== 'drop-before' && entry.status !== 429 && entry.status < 500;
}

/** The client got a clean 2xx answer: the chunk succeeded from the node's point of view. */
export function cleanSuccess(entry: RequestLogEntry): boolean {
	return entry.status >= 200 && entry.status < 300 && entry.fault === undefined;
}
