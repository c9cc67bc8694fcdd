import { sleep, type IExecuteFunctions, type IHttpRequestOptions, type IN8nHttpFullResponse } from 'n8n-workflow';

import type { RequestPacer } from './pacing';
import { backoffMs, providerWaitMs, toTransportError } from './retry';
import type { HttpClient, HttpRequest, HttpResponse } from './types';

export interface TransportConfig {
	credentialType: string;
	baseUrl: string;
	/** Per-request timeout; large bulk bodies need generous values. */
	timeoutMs?: number;
	/** Headers every request of this provider carries (besides auth, which the credential adds). */
	headers?: Record<string, string>;
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

function toResponse(raw: IN8nHttpFullResponse): HttpResponse {
	const body = raw.body as unknown;
	// The HTTP helper parses JSON and silently hands back the text when parsing fails.
	const malformed = typeof body === 'string' && body.trim() !== '';
	return {
		status: raw.statusCode,
		headers: (raw.headers ?? {}) as HttpResponse['headers'],
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

	const send = async (request: HttpRequest): Promise<HttpResponse> => {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: joinUrl(transport.baseUrl, request.url),
			qs: request.qs,
			headers: { Accept: 'application/json', ...transport.headers, ...request.headers },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: transport.timeoutMs ?? 120_000,
		};
		if (request.body !== undefined) {
			options.body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
			options.headers = { ...options.headers, 'Content-Type': 'application/json' };
		}
		const raw = (
			request.anonymous
				? await ctx.helpers.httpRequest(options)
				: await ctx.helpers.httpRequestWithAuthentication.call(ctx, transport.credentialType, options)
		) as IN8nHttpFullResponse;
		return toResponse(raw);
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

	return { send, sendWithRetry, sleep: pause, signal };
}
