import { sleep, type IExecuteFunctions, type IHttpRequestOptions, type IN8nHttpFullResponse } from 'n8n-workflow';

import { downloadBounded } from './download';
import type { RequestPacer } from './pacing';
import { redactSecrets } from './redact';
import { providerWaitMs, retryDecision, toTransportError, transientReason, TransportError, type RetryPolicy } from './retry';
import type { HttpClient, HttpRequest, HttpResponse } from './types';

export interface TransportConfig {
	credentialType: string;
	baseUrl: string;
	/** Per-request timeout; large bulk bodies need generous values. */
	timeoutMs?: number;
	/** Headers every request of this provider carries (besides auth, which the credential adds). */
	headers?: Record<string, string>;
	/** Credential values that must never reach outputs or messages, even when a provider echoes them. */
	secrets?: string[];
}

export type RetryConfig = RetryPolicy;

/** Per-request timeout when neither the transport nor the user names one. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * n8n 2.41's request helper follows redirects and, unless told otherwise, re-sends the credential's
 * Authorization header to whatever origin the redirect names (@n8n/backend-network getBeforeRedirectFn,
 * `sendCredentialsOnCrossOriginRedirect ?? true`), and turns a redirected POST into a bodiless GET.
 * No request of these nodes follows a redirect: the 3xx comes back as the answer (maxRedirects 0) and
 * is reported with where it pointed. The second option keeps the key home should a redirect ever be followed.
 */
export const NO_REDIRECTS = { disableFollowRedirect: true, sendCredentialsOnCrossOriginRedirect: false } as const;

export function joinUrl(baseUrl: string, path: string): string {
	if (/^https?:\/\//i.test(path)) return path;
	return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** n8n's full response as the engine reads it, the key scrubbed from body and headers. */
export function toResponse(raw: IN8nHttpFullResponse, secrets: string[]): HttpResponse {
	const body = redactSecrets(raw.body as unknown, secrets);
	// The HTTP helper parses JSON and silently hands back the text when parsing fails. Only a 2xx needs a
	// JSON body; other statuses are read by their code first, whatever the body (proxies answer HTML).
	const malformed = typeof body === 'string' && body.trim() !== '' && raw.statusCode >= 200 && raw.statusCode < 300;
	return {
		status: raw.statusCode,
		headers: redactSecrets((raw.headers ?? {}) as HttpResponse['headers'], secrets),
		body: typeof body === 'string' && body.trim() === '' ? undefined : body,
		malformed,
	};
}

/**
 * The HTTP client every adapter uses: requests go through n8n's `httpRequestWithAuthentication`
 * (proxy, SSRF policy, cancellation, credential auth) and never throw for an HTTP status.
 */
export function createHttpClient(
	ctx: IExecuteFunctions,
	transport: TransportConfig,
	retry: RetryConfig,
	pacer: RequestPacer,
): HttpClient {
	const signal = ctx.getExecutionCancelSignal?.();
	const pause = (ms: number) => sleep(ms, signal);

	const timeoutMs = transport.timeoutMs ?? DEFAULT_TIMEOUT_MS;

	/** A timeout that fires mid-body surfaces as a generic aborted stream; only the clock tells them apart. */
	const classify = (error: unknown, started: number): unknown =>
		!signal?.aborted && Date.now() - started >= timeoutMs - 25
			? new TransportError(`The provider did not answer in time (timeout ${timeoutMs} ms)`, 'TIMEOUT', true)
			: error;

	const send = async (request: HttpRequest): Promise<HttpResponse> => {
		const started = Date.now();
		try {
			return await sendOnce(request);
		} catch (error) {
			throw classify(error, started);
		}
	};

	const sendOnce = async (request: HttpRequest): Promise<HttpResponse> => {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: joinUrl(transport.baseUrl, request.url),
			qs: request.qs,
			headers: { Accept: 'application/json', ...transport.headers, ...request.headers },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: timeoutMs,
			...NO_REDIRECTS,
		};
		if (request.body !== undefined) {
			// A Buffer goes out as is; a JSON string would be parsed once more by axios just to validate it.
			options.body = Buffer.from(typeof request.body === 'string' ? request.body : JSON.stringify(request.body), 'utf8');
			options.headers = { ...options.headers, 'Content-Type': 'application/json' };
		}
		const raw = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, transport.credentialType, options)) as IN8nHttpFullResponse;
		return toResponse(raw, transport.secrets ?? []);
	};

	/** Reads and polls: the same policy as chunks (retry.ts), always idempotent. */
	const sendWithRetry = async (request: HttpRequest): Promise<HttpResponse> => {
		for (let attempt = 1; ; attempt++) {
			let response: HttpResponse | undefined;
			try {
				await pacer.acquire();
				response = await send(request);
			} catch (error) {
				const failure = toTransportError(error, signal);
				if (failure.cancelled) throw failure;
				const decision = retryDecision(retry, { attempt, reason: failure.message, processed: failure.mayHaveBeenProcessed, idempotent: true });
				if (!decision.retry) throw failure;
				await pause(decision.delayMs);
				continue;
			}
			if (response.status !== 429) pacer.answered();
			const transient = transientReason(response);
			if (!transient) return response;
			const decision = retryDecision(retry, { attempt, ...transient, idempotent: true, askedMs: providerWaitMs(response) });
			if (!decision.retry) return response;
			if (response.status === 429) pacer.limited(decision.delayMs);
			await pause(decision.delayMs);
		}
	};

	const download: HttpClient['download'] = async (request) =>
		await downloadBounded(request, { ctx, credentialType: transport.credentialType, secrets: transport.secrets ?? [], signal });

	return { send, sendWithRetry, sleep: pause, download, timeoutMs, signal };
}
