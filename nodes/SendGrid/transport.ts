import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { apiRoot, usableBaseUrl } from '../shared/baseUrl';
import type { TransportConfig } from '../shared/http';
import type { NodeContext } from '../shared/read';
import { usableSecrets } from '../shared/redact';
import type { HttpResponse } from '../shared/types';
import { bodyExcerpt, type ProviderError } from '../shared/verdicts';

import { errorEnvelope } from './schemas';

export const CREDENTIAL_TYPE = 'sendGridMarketingApi';

/** The region picks the API host; "custom" (a proxy or the local emulator) uses the typed base URL. Paths start with /v3. */
function sendGridBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const region = String(credentials.region ?? 'https://api.sendgrid.com');
	return apiRoot(region === 'custom' ? credentials.baseUrl : region, 'v3');
}

/** A 6 MB upsert can take a while to upload and validate. */
export const SENDGRID_TIMEOUT_MS = 300_000;

export async function sendGridTransport(ctx: NodeContext): Promise<TransportConfig> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	return {
		credentialType: CREDENTIAL_TYPE,
		baseUrl: usableBaseUrl(ctx, sendGridBaseUrl(credentials), credentials.allowHttp),
		timeoutMs: SENDGRID_TIMEOUT_MS,
		secrets: usableSecrets([credentials.apiKey]),
	};
}

/** SendGrid answers errors as `{"errors":[{"field":…,"message":…}]}`. */
export function providerError(response: HttpResponse): ProviderError {
	const parsed = errorEnvelope.safeParse(response.body);
	if (parsed.success && parsed.data.errors.length > 0) {
		const [first, ...rest] = parsed.data.errors;
		const more = rest.length > 0 ? ` (and ${rest.length} more error${rest.length === 1 ? '' : 's'})` : '';
		return { message: `${first.message}${more}`, code: `HTTP_${response.status}`, field: first.field ?? undefined };
	}
	// A proxy's or edge's page (HTML, text) in place of SendGrid's JSON: the status and a readable excerpt.
	const excerpt = typeof response.body === 'string' ? bodyExcerpt(response.body) : '';
	return { message: excerpt ? `SendGrid answered HTTP ${response.status}: ${excerpt}` : `SendGrid answered HTTP ${response.status}`, code: `HTTP_${response.status}` };
}
