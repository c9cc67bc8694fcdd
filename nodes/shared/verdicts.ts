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

/**
 * The verdict for a non-2xx answer that no provider rule explains: 429 is always safe to resend
 * (nothing was processed), 413 is split into smaller requests, 5xx may have been processed, bad credentials stop the whole run, and
 * any other 4xx fails the chunk with the provider's message.
 */
export function verdictForError(response: HttpResponse, error: ProviderError): ChunkVerdict {
	const failure = (code: string): ContactOutcome => ({
		status: 'failed',
		errorMessage: error.message,
		errorCode: error.code ?? code,
		errorField: error.field,
	});
	if (response.status === 429) {
		return { kind: 'retry', reason: error.message, retryAfterMs: error.retryAfterMs, processed: false };
	}
	if (response.status >= 500 || response.status === 408) {
		return { kind: 'retry', reason: `${response.status}: ${error.message}`, processed: true };
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

/** A 2xx answer whose body could not be read: resend if safe, otherwise say we cannot know. */
export function verdictForUnreadable(response: HttpResponse): ChunkVerdict {
	return {
		kind: 'retry',
		reason: `The provider answered ${response.status} with a body that is not valid JSON`,
		processed: true,
	};
}
