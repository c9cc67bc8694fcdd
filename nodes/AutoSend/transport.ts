import { apiRoot, usableBaseUrl } from '../shared/baseUrl';
import type { TransportConfig } from '../shared/http';
import type { NodeContext } from '../shared/read';
import { usableSecrets } from '../shared/redact';
import type { HttpResponse } from '../shared/types';
import { bodyExcerpt, type ProviderError } from '../shared/verdicts';

import { errorEnvelope, looseError } from './schemas';

export const CREDENTIAL_TYPE = 'autoSendApi';
export const PUBLIC_BASE_URL = 'https://api.autosend.com/v1';

export async function autoSendTransport(ctx: NodeContext): Promise<TransportConfig> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const typed = typeof credentials.baseUrl === 'string' && credentials.baseUrl.trim() !== '' ? credentials.baseUrl : PUBLIC_BASE_URL;
	// Every path is relative to /v1; a URL typed with or without it means the same API.
	const baseUrl = usableBaseUrl(ctx, `${apiRoot(typed, 'v1')}/v1`, credentials.allowHttp);
	return { credentialType: CREDENTIAL_TYPE, baseUrl, secrets: usableSecrets([credentials.apiKey]) };
}

function describeDetails(details: Array<{ field?: string; message?: string }> | undefined): string | undefined {
	if (!details?.length) return undefined;
	return details.map((d) => (d.field ? `${d.field}: ${d.message ?? 'is invalid'}` : (d.message ?? ''))).join('; ');
}

function pageText(response: HttpResponse): string {
	const excerpt = bodyExcerpt(response.body);
	return excerpt ? `AutoSend answered HTTP ${response.status}: ${excerpt}` : '';
}

/**
 * AutoSend's error envelope → ProviderError. Validation errors carry `details[]`; their text is the
 * useful part ("Validation failed" alone tells the user nothing). 429 bodies carry `retryAfter` in seconds.
 */
export function providerError(response: HttpResponse): ProviderError {
	const parsed = errorEnvelope.safeParse(response.body);
	if (parsed.success) {
		const { message, code, details } = parsed.data.error;
		const detailText = describeDetails(details);
		return {
			message: detailText ? `${message ?? 'Validation failed'}: ${detailText}` : (message ?? `AutoSend answered HTTP ${response.status}`),
			code: code ?? `HTTP_${response.status}`,
			field: details?.[0]?.field,
			retryAfterMs: parsed.data.retryAfter !== undefined ? parsed.data.retryAfter * 1000 : undefined,
		};
	}
	const loose = looseError.safeParse(response.body);
	// A proxy's or website's page (HTML, text) in place of AutoSend's JSON: the status and a readable excerpt.
	const text = loose.success ? (loose.data.message ?? loose.data.error) : typeof response.body === 'string' ? pageText(response) : undefined;
	return {
		message: text && text !== '' ? text : `AutoSend answered HTTP ${response.status}`,
		code: `HTTP_${response.status}`,
		retryAfterMs: loose.success && loose.data.retryAfter !== undefined ? loose.data.retryAfter * 1000 : undefined,
	};
}
