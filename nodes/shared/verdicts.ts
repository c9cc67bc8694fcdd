import type { ChunkVerdict, ContactOutcome, HttpResponse } from './types';

export interface ProviderError {
	message: string;
	code?: string;
	field?: string;
	/** Provider's own wait hint (e.g. AutoSend's `retryAfter` body field), in ms. */
	retryAfterMs?: number;
}

export function isSuccess(response: HttpResponse): boolean {
	return response.status >= 200 && response.status < 300;
}

export function isRedirect(response: HttpResponse): boolean {
	return response.status >= 300 && response.status < 400;
}

function header(response: HttpResponse, name: string): string | undefined {
	const value = response.headers[name] ?? response.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * True when the answer is a page (HTML or plain text) rather than JSON: a proxy, a load balancer or a
 * website answered, not the provider's API, whose answers are all JSON. A body announced as JSON that
 * does not parse is a damaged API answer instead (see `verdictForUnreadable`).
 */
export function isPage(response: HttpResponse): boolean {
	if (typeof response.body !== 'string' || response.body.trim() === '') return false;
	const type = (header(response, 'content-type') ?? '').toLowerCase();
	return !type.includes('json') || response.body.trimStart().startsWith('<');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
const EXCERPT_LENGTH = 200;

/**
 * A short readable excerpt of a body for messages: tags (and script/style contents) removed,
 * whitespace collapsed, cut at about 200 characters. The key was already redacted from the body.
 */
export function bodyExcerpt(body: unknown, max = EXCERPT_LENGTH): string {
	let text: string;
	if (typeof body === 'string') text = body;
	else if (body === undefined || body === null) return '';
	else {
		try {
			text = JSON.stringify(body);
		} catch {
			return '';
		}
	}
	// Only the head can end up in the excerpt; a 10 MB page is not scanned whole.
	const plain = text
		.slice(0, 20_000)
		.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
		.replace(/<!--[\s\S]*?-->/g, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name] ?? ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

/** The message for an answer that is not the provider's JSON: the status and what the page says. */
function pageMessage(response: HttpResponse, what: string): string {
	const excerpt = bodyExcerpt(response.body);
	return `HTTP ${response.status} ${what}${excerpt ? `: ${excerpt}` : ''}`;
}

/** Where a redirect pointed, for messages (the redirect is never followed: see http.ts). */
export function redirectMessage(response: HttpResponse): string {
	const location = header(response, 'location');
	const where = location ? `to ${location.length > 300 ? `${location.slice(0, 297)}...` : location}` : 'without a Location';
	return (
		`The request was redirected (HTTP ${response.status}) ${where}. Redirects are not followed, so the API key and the ` +
		'contacts never go to another address and nothing was stored. Set the Base URL to the address the provider really answers on'
	);
}

export const REDIRECTED = 'REDIRECTED';
export const NOT_PROVIDER_API = 'NOT_PROVIDER_API';

/**
 * The verdict for an answer that did not come from the provider's API: a redirect, or an HTML/text
 * page of a proxy or website. The status decides first: 413 splits, 429/408/5xx are retried, 401/403
 * stop the run, a redirect or any other page fails the chunk. Undefined for the provider's own (JSON)
 * answers, which the adapter reads.
 */
export function verdictForForeignAnswer(response: HttpResponse): ChunkVerdict | undefined {
	if (isRedirect(response)) {
		return { kind: 'all', outcome: { status: 'failed', errorCode: REDIRECTED, errorMessage: redirectMessage(response) } };
	}
	if (!isPage(response)) return undefined;
	if (isSuccess(response)) {
		return {
			kind: 'all',
			outcome: {
				status: 'failed',
				errorCode: NOT_PROVIDER_API,
				errorMessage: `${pageMessage(response, "with a web page, not the provider's API (nothing was stored; check the Base URL)")}`,
			},
		};
	}
	return verdictForError(response, { message: pageMessage(response, 'from a server in front of the provider') });
}

/**
 * The verdict for a non-2xx answer that no provider rule explains: 429 is always safe to resend
 * (nothing was processed), 413 is split into smaller requests, 5xx may have been processed, bad
 * credentials stop the whole run, a redirect fails the chunk without being followed, and any other
 * 4xx fails the chunk with the provider's message.
 */
export function verdictForError(response: HttpResponse, error: ProviderError): ChunkVerdict {
	const failure = (code: string): ContactOutcome => ({
		status: 'failed',
		errorMessage: error.message,
		errorCode: error.code ?? code,
		errorField: error.field,
	});
	if (isRedirect(response)) {
		return { kind: 'all', outcome: { status: 'failed', errorCode: REDIRECTED, errorMessage: redirectMessage(response) } };
	}
	if (response.status === 429) {
		return { kind: 'retry', reason: error.message, retryAfterMs: error.retryAfterMs, processed: false };
	}
	if (response.status >= 500 || response.status === 408) {
		return { kind: 'retry', reason: error.message.startsWith(`HTTP ${response.status}`) ? error.message : `${response.status}: ${error.message}`, processed: true };
	}
	if (response.status === 413) {
		// Usually a proxy's body-size limit in front of the provider: nothing was processed, so smaller requests are safe.
		return { kind: 'split', reason: `The request was rejected as too large (413): ${error.message}`, processed: false };
	}
	if (response.status === 401 || response.status === 403) {
		return { kind: 'abort', outcome: failure(`HTTP_${response.status}`) };
	}
	return { kind: 'all', outcome: failure(`HTTP_${response.status}`) };
}

/**
 * A 2xx answer the adapter could not read. A web page is not the provider's API (nothing was
 * stored); a damaged or unrecognised API answer is resent when safe, otherwise reported as unknown.
 */
export function verdictForUnreadable(response: HttpResponse): ChunkVerdict {
	const foreign = verdictForForeignAnswer(response);
	if (foreign) return foreign;
	return {
		kind: 'retry',
		reason: response.malformed
			? `The provider answered ${response.status} with a body that is not valid JSON`
			: `The provider answered ${response.status} with a body this node does not recognise: ${bodyExcerpt(response.body, 120)}`,
		processed: true,
	};
}
