import type { HttpResponse } from './types';
import { isPage } from './verdicts';

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

export interface RetryPolicy {
	maxRetries: number;
	initialBackoffMs: number;
	/** Longest single wait accepted from the provider (Retry-After / rate-limit reset). */
	maxRetryWaitMs: number;
	random?: () => number;
}

/** One failed attempt, as both retry loops (chunks in dispatch.ts, reads and polls in http.ts) see it. */
export interface FailedAttempt {
	/** 1-based number of the attempt that just failed. */
	attempt: number;
	reason: string;
	/** The provider may have processed the request (5xx, connection cut after sending). */
	processed: boolean;
	/** Resending the same request cannot create duplicates. */
	idempotent: boolean;
	/** The wait the provider asked for, if it said. */
	askedMs?: number;
}

export type RetryDecision =
	| { retry: true; delayMs: number }
	| { retry: false; code: 'NOT_RETRIED' | 'RETRIES_EXHAUSTED' | 'RATE_LIMITED'; message: string };

/**
 * The one retry policy of the engine: resend only what is safe to resend, at most `maxRetries`
 * times, waiting what the provider asked (if not longer than allowed) or an exponential backoff.
 */
export function retryDecision(policy: RetryPolicy, failed: FailedAttempt): RetryDecision {
	const random = policy.random ?? Math.random;
	if (failed.processed && !failed.idempotent) {
		return {
			retry: false,
			code: 'NOT_RETRIED',
			message: `${failed.reason}. Not resent: the provider may already have processed these contacts, and sending them again could create duplicates. Check them before running again`,
		};
	}
	if (failed.attempt > policy.maxRetries) {
		return { retry: false, code: 'RETRIES_EXHAUSTED', message: `${failed.reason}; gave up after ${failed.attempt} attempts` };
	}
	if (failed.askedMs !== undefined && failed.askedMs > policy.maxRetryWaitMs) {
		return {
			retry: false,
			code: 'RATE_LIMITED',
			message: `${failed.reason}; the provider asked to wait ${Math.ceil(failed.askedMs / 1000)} s, longer than the ${Math.ceil(policy.maxRetryWaitMs / 1000)} s this node waits`,
		};
	}
	const delayMs =
		failed.askedMs !== undefined ? failed.askedMs + Math.round(random() * 100) : backoffMs(failed.attempt, policy.initialBackoffMs, 30_000, random);
	return { retry: true, delayMs };
}

/** What makes an answer worth resending as is: 429 (nothing processed), 408/5xx, a damaged 2xx JSON body. */
export function transientReason(response: HttpResponse): { reason: string; processed: boolean } | undefined {
	if (response.status === 429) return { reason: 'The provider answered 429 (too many requests)', processed: false };
	if (response.status >= 500 || response.status === 408) return { reason: `The provider answered ${response.status}`, processed: true };
	if (response.malformed && response.status >= 200 && response.status < 300 && !isPage(response)) {
		return { reason: `The provider answered ${response.status} with a body that is not valid JSON`, processed: true };
	}
	return undefined;
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

/** The request never reached anyone: no connection, no name, or a certificate the client refused before sending. */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'CERT_HAS_EXPIRED',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);
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
