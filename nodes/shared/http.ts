import { sleep, type IExecuteFunctions, type IHttpRequestOptions, type IN8nHttpFullResponse } from 'n8n-workflow';

import { downloadBounded } from './download';
import type { RequestPacer } from './pacing';
import { redactSecrets } from './redact';
import { backoffMs, providerWaitMs, toTransportError, TransportError } from './retry';
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

export interface RetryConfig {
	maxRetries: number;
	initialBackoffMs: number;
	maxRetryWaitMs: number;
}

export function joinUrl(baseUrl: string, path: string): string {
	if (/^https?:\/\//i.test(path)) return path;
	return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function toResponse(raw: IN8nHttpFullResponse, secrets: string[]): HttpResponse {
	const body = redactSecrets(raw.body as unknown, secrets);
	// The HTTP helper parses JSON and silently hands back the text when parsing fails.
	const malformed = typeof body === 'string' && body.trim() !== '';
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

	const timeoutMs = transport.timeoutMs ?? 120_000;

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
		};
		if (request.body !== undefined) {
			// A Buffer goes out as is; a JSON string would be parsed once more by axios just to validate it.
			options.body = Buffer.from(typeof request.body === 'string' ? request.body : JSON.stringify(request.body), 'utf8');
			options.headers = { ...options.headers, 'Content-Type': 'application/json' };
		}
		const raw = (
			request.anonymous
				? await ctx.helpers.httpRequest(options)
				: await ctx.helpers.httpRequestWithAuthentication.call(ctx, transport.credentialType, options)
		) as IN8nHttpFullResponse;
		return toResponse(raw, transport.secrets ?? []);
	};

	const sendWithRetry = async (request: HttpRequest): Promise<HttpResponse> => {
		for (let attempt = 1; ; attempt++) {
			let response: HttpResponse | undefined;
			try {
				await pacer.acquire();
				response = await send(request);
			} catch (error) {
				const failure = toTransportError(error, signal);
				if (failure.cancelled || attempt > retry.maxRetries) throw failure;
				await pause(backoffMs(attempt, retry.initialBackoffMs));
				continue;
			}
			const transient = response.status === 429 || response.status >= 500 || response.malformed;
			if (!transient || attempt > retry.maxRetries) return response;
			const asked = providerWaitMs(response);
			if (asked !== undefined && asked > retry.maxRetryWaitMs) return response;
			const delay = asked ?? backoffMs(attempt, retry.initialBackoffMs);
			if (response.status === 429) pacer.pause(delay);
			await pause(delay);
		}
	};

	const download: HttpClient['download'] = async (request) =>
		await downloadBounded(request, { ctx, credentialType: transport.credentialType, secrets: transport.secrets ?? [], signal });

	return { send, sendWithRetry, sleep: pause, download, timeoutMs, signal };
}
