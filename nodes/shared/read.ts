import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
} from 'n8n-workflow';

import { joinUrl, NO_REDIRECTS, type TransportConfig } from './http';
import { redactSecrets } from './redact';
import type { HttpResponse } from './types';
import { isPage, isRedirect, isSuccess, redirectMessage, bodyExcerpt } from './verdicts';

export type NodeContext = IExecuteFunctions | ILoadOptionsFunctions;

/** How one provider is read outside the bulk engine: the same for every provider. */
export interface ProviderReads {
	provider: string;
	transport(ctx: NodeContext): Promise<TransportConfig>;
	/** The provider's error answer as its message. */
	describe(response: HttpResponse): string;
}

export type JsonGet = (ctx: NodeContext, request: { url: string; qs?: IDataObject }) => Promise<unknown>;

/** The GET of one provider's editor methods and setup reads. */
export function jsonGet(reads: ProviderReads): JsonGet {
	return async (ctx, request) => await readJson(ctx, await reads.transport(ctx), request, reads);
}

/**
 * One GET outside the bulk engine (editor methods, a definitions read before a run): never follows a
 * redirect (the key stays with the Base URL), and throws a readable message for anything but the
 * provider's JSON.
 */
export async function readJson(
	ctx: NodeContext,
	transport: TransportConfig,
	request: { url: string; qs?: IDataObject },
	{ describe, provider }: Pick<ProviderReads, 'describe' | 'provider'>,
): Promise<unknown> {
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
	let raw: IN8nHttpFullResponse;
	try {
		raw = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, transport.credentialType, options)) as IN8nHttpFullResponse;
	} catch (error) {
		throw fail((error as Error).message);
	}
	const body = redactSecrets(raw.body as unknown, secrets);
	const response: HttpResponse = {
		status: raw.statusCode,
		headers: (raw.headers ?? {}) as HttpResponse['headers'],
		body,
		malformed: typeof body === 'string' && body.trim() !== '' && raw.statusCode >= 200 && raw.statusCode < 300,
	};
	if (isRedirect(response)) throw fail(redirectMessage(response));
	if (!isSuccess(response)) throw fail(describe(response));
	if (isPage(response)) {
		throw fail(`GET ${request.url} was answered with a web page, not the ${provider} API (check the Base URL): ${bodyExcerpt(body)}`);
	}
	return body;
}
