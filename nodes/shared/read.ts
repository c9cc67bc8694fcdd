import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type JsonObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
} from 'n8n-workflow';

import { joinUrl, NO_REDIRECTS, toResponse, type TransportConfig } from './http';
import { redactSecrets } from './redact';
import { providerWaitMs, retryDecision, toTransportError, transientReason, type RetryPolicy } from './retry';
import type { HttpResponse } from './types';
import { isPage, isRedirect, isSuccess, redirectMessage, bodyExcerpt } from './verdicts';

export type NodeContext = IExecuteFunctions | ILoadOptionsFunctions;

/** How one provider is read outside the bulk engine: the same for every provider. */
export interface ProviderReads {
	provider: string;
	transport(ctx: NodeContext): Promise<TransportConfig>;
	/** The provider's error answer as its message. */
	describe(response: HttpResponse): string;
	/**
	 * What the user should do when the answer is a credential or permission problem (a wrong key, a
	 * key without access, a workspace or project the key cannot read); undefined for any other answer.
	 * Such an answer is never retried.
	 */
	accessAdvice?(response: HttpResponse, request: ReadRequest): string | undefined;
}

export interface ReadRequest {
	url: string;
	qs?: IDataObject;
}

export type JsonGet = (ctx: NodeContext, request: ReadRequest) => Promise<unknown>;

/** The GET of one provider's editor methods and setup reads. */
export function jsonGet(reads: ProviderReads): JsonGet {
	return async (ctx, request) => await readJson(ctx, await reads.transport(ctx), request, reads);
}

/**
 * Reads retry like the engine's polls, but briefly: a definitions read shares the key's rate limit with
 * every other execution on the key (two queue-mode workers starting together got a 429 here), and an
 * editor dropdown should not hang for minutes.
 */
const READ_RETRY: RetryPolicy = { maxRetries: 3, initialBackoffMs: 500, maxRetryWaitMs: 30_000 };

/**
 * One GET outside the bulk engine (editor methods, a definitions read before a run): never follows a
 * redirect (the key stays with the Base URL), resends 429 / 5xx / lost connections a few times
 * (honouring Retry-After), and throws a readable message for anything but the provider's JSON.
 */
export async function readJson(
	ctx: NodeContext,
	transport: TransportConfig,
	request: ReadRequest,
	reads: Pick<ProviderReads, 'describe' | 'provider' | 'accessAdvice'>,
): Promise<unknown> {
	const { provider } = reads;
	const secrets = transport.secrets ?? [];
	const options: IHttpRequestOptions = {
		method: 'GET',
		url: joinUrl(transport.baseUrl, request.url),
		qs: request.qs,
		headers: { Accept: 'application/json', ...transport.headers },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		...NO_REDIRECTS,
	};
	const fail = (message: string) => new NodeOperationError(ctx.getNode(), `${provider}: ${redactSecrets(message, secrets)}`);
	const signal = 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal?.() : undefined;
	for (let attempt = 1; ; attempt++) {
		let response: HttpResponse;
		try {
			response = toResponse(
				(await ctx.helpers.httpRequestWithAuthentication.call(ctx, transport.credentialType, options)) as IN8nHttpFullResponse,
				secrets,
			);
		} catch (error) {
			const failure = toTransportError(error, signal);
			const decision = failure.cancelled
				? undefined
				: retryDecision(READ_RETRY, { attempt, reason: failure.message, processed: false, idempotent: true });
			if (!decision?.retry) throw fail((error as Error).message);
			await sleep(decision.delayMs, signal);
			continue;
		}
		const advice = isSuccess(response) ? undefined : reads.accessAdvice?.(response, request);
		const transient = advice === undefined ? transientReason(response) : undefined;
		if (transient) {
			const decision = retryDecision(READ_RETRY, { attempt, reason: transient.reason, processed: false, idempotent: true, askedMs: providerWaitMs(response) });
			if (decision.retry) {
				await sleep(decision.delayMs, signal);
				continue;
			}
		}
		if (advice !== undefined) throw accessError(ctx, provider, response, reads.describe(response), advice, secrets);
		return readBody(response, request.url, reads, fail);
	}
}

const ACCESS_VERBS: Record<number, string> = { 401: 'rejected the API key', 403: 'refused access' };

/**
 * A credential problem as a NodeApiError with the status as its httpCode: n8n's list picker shows
 * httpCode, message and a "check credentials" link for 401/403 (editor-ui ResourceLocator), and a
 * dropdown shows the message alone, so the message says who answered, the status and what to do.
 */
function accessError(ctx: NodeContext, provider: string, response: HttpResponse, text: string, advice: string, secrets: string[]): NodeApiError {
	const verb = ACCESS_VERBS[response.status] ?? 'refused the request';
	const message = redactSecrets(`${provider} ${verb} (HTTP ${response.status}: ${text.replace(/\.$/, '')}). ${advice}`, secrets);
	const httpCode = String(response.status);
	return new NodeApiError(ctx.getNode(), { message, httpCode } as JsonObject, { message, httpCode });
}

function readBody(
	response: HttpResponse,
	url: string,
	{ describe, provider }: Pick<ProviderReads, 'describe' | 'provider'>,
	fail: (message: string) => Error,
): unknown {
	if (isRedirect(response)) throw fail(redirectMessage(response));
	if (!isSuccess(response)) throw fail(describe(response));
	if (isPage(response)) {
		throw fail(`GET ${url} was answered with a web page, not the ${provider} API (check the Base URL): ${bodyExcerpt(response.body)}`);
	}
	return response.body;
}
