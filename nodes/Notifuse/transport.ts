import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { apiRoot, usableBaseUrl } from '../shared/baseUrl';
import type { TransportConfig } from '../shared/http';
import type { NodeContext } from '../shared/read';
import { usableSecrets } from '../shared/redact';
import type { HttpResponse } from '../shared/types';
import { bodyExcerpt, type ProviderError } from '../shared/verdicts';

import { errorEnvelope } from './schemas';

export const CREDENTIAL_TYPE = 'notifuseApi';

export interface NotifuseTarget {
	transport: TransportConfig;
	workspaceId: string;
}

/** The node's workspace override wins; an empty override falls back to the credential's workspace. */
function pickWorkspace(override: unknown, fallback: unknown): string {
	if (typeof override === 'string' && override.trim() !== '') return override.trim();
	return typeof fallback === 'string' ? fallback.trim() : '';
}

function transportOf(ctx: NodeContext, credentials: ICredentialDataDecryptedObject): TransportConfig {
	return {
		// Self-hosted instances live on the user's own domain; there is no default host. Paths start with /api.
		credentialType: CREDENTIAL_TYPE,
		baseUrl: usableBaseUrl(ctx, apiRoot(credentials.baseUrl, 'api'), credentials.allowHttp),
		secrets: usableSecrets([credentials.apiKey]),
	};
}

export async function notifuseTransport(ctx: NodeContext): Promise<TransportConfig> {
	return transportOf(ctx, await ctx.getCredentials(CREDENTIAL_TYPE));
}

export async function notifuseTarget(ctx: NodeContext, override: unknown): Promise<NotifuseTarget> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	return { transport: transportOf(ctx, credentials), workspaceId: pickWorkspace(override, credentials.workspaceId) };
}

/** Notifuse answers every error as `{"error":"<message>"}`; 429s (from its public limiter or a proxy) add Retry-After. */
export function providerError(response: HttpResponse): ProviderError {
	const parsed = errorEnvelope.safeParse(response.body);
	// A proxy's page (nginx answers 413/502/504 in HTML) in place of Notifuse's JSON: the status and a readable excerpt.
	const excerpt = parsed.success ? '' : bodyExcerpt(response.body);
	const message = parsed.success
		? parsed.data.error
		: excerpt !== ''
			? `Notifuse answered HTTP ${response.status}: ${excerpt}`
			: `Notifuse answered HTTP ${response.status}`;
	return { message, code: `HTTP_${response.status}` };
}

// Workspace and permission failures come back as 500 (import) or 400 (upsert): no retry can fix them.
const ACCESS_PROBLEM = /workspace not found|not a member of the workspace|insufficient permissions|failed to authenticate user/i;

export function isAccessProblem(error: ProviderError): boolean {
	return ACCESS_PROBLEM.test(error.message);
}

/** The JSON string of a workspace id, for envelopes built by hand. */
export function workspaceJson(workspaceId: string): string {
	return JSON.stringify(workspaceId);
}
