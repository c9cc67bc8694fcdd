import type { HttpResponse } from './types';

function header(response: HttpResponse, name: string): string | undefined {
	const value = response.headers[name] ?? response.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/**
 * How long the provider asked us to wait, from `Retry-After` (seconds or HTTP date) or, when the
 * window is used up, from `X-RateLimit-Reset` (epoch seconds). Undefined when it did not say.
 */
export function providerWaitMs(response: HttpResponse, now = Date.now()): number | undefined {
	const retryAfter = header(response, 'retry-after');
	if (retryAfter !== undefined && retryAfter.trim() !== '') {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	const remaining = header(response, 'x-ratelimit-remaining');
	const reset = Number(header(response, 'x-ratelimit-reset'));
	if (remaining !== undefined && Number(remaining) <= 0 && Number.isFinite(reset) && reset > 0) {
		// Providers send epoch seconds; a small number is a delta in seconds.
		const resetMs = reset > 1e9 ? reset * 1000 - now : reset * 1000;
		return Math.max(0, resetMs);
	}
	return undefined;
}

/** Exponential backoff with jitter: attempt 1 waits about `initialMs`, then doubling, capped. */
export function backoffMs(attempt: number, initialMs: number, capMs = 30_000, random = Math.random): number {
	const ceiling = Math.min(capMs, initialMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Network-level failure of one HTTP attempt, classified by whether the provider may have seen it. */
export class TransportError extends Error {
	constructor(
		message: string,
		readonly code: string,
		/** False when the request certainly never reached the provider (connection refused, DNS). */
		readonly mayHaveBeenProcessed: boolean,
		readonly cancelled = false,
	) {
		super(message);
		this.name = 'TransportError';
	}
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const CANCEL_CODES = new Set(['ERR_CANCELED', 'ABORT_ERR']);

function findCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const candidate = current as { code?: unknown; cause?: unknown; context?: { code?: unknown } };
		if (typeof candidate.code === 'string' && /^[A-Z_]+$/.test(candidate.code)) return candidate.code;
		if (typeof candidate.context?.code === 'string') return candidate.context.code;
		current = candidate.cause;
	}
	return undefined;
}

/** Turns whatever the HTTP helper threw into a TransportError without leaking request details. */
export function toTransportError(error: unknown, signal?: AbortSignal): TransportError {
	if (error instanceof TransportError) return error;
	const code = findCode(error) ?? 'NETWORK_ERROR';
	const message = error instanceof Error ? error.message : String(error);
	if (signal?.aborted || CANCEL_CODES.has(code) || /cancel|abort/i.test(code)) {
		return new TransportError('The execution was cancelled', 'CANCELLED', true, true);
	}
	if (NOT_SENT_CODES.has(code)) {
		return new TransportError(`Could not connect to the provider (${code})`, code, false);
	}
	const timeout = code === 'ETIMEDOUT' || code === 'ECONNABORTED' || /timeout/i.test(message);
	return new TransportError(
		timeout
			? 'The provider did not answer in time'
			: code === 'ERR_BAD_RESPONSE'
				? 'The connection to the provider was cut while it was answering'
				: `The connection to the provider failed (${code === 'NETWORK_ERROR' ? 'connection lost' : code})`,
		timeout ? 'TIMEOUT' : code,
		true,
	);
}
