import { UserError, type ICredentialDataDecryptedObject, type IHttpRequestOptions, type INodeProperties } from 'n8n-workflow';

import { ALLOW_HTTP_OPTION, unencryptedRefusal } from './baseUrl';

/** n8n's `ICredentialType.authenticate` in its function form (n8n's CredentialsHelper calls it per request). */
export type AuthenticateFunction = (
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

/**
 * Bearer auth that refuses to put the key on an unencrypted request to another machine. It runs for
 * every authenticated request, the credential test's included, which node code never sees; node runs
 * refuse earlier (in each provider's transport) with the same words. `extraHeaders` adds headers only
 * some credentials need, so an unset value sends no header at all (a generic `authenticate` always
 * sends its headers, an unset one as an empty value).
 */
export function bearerAuthentication(
	extraHeaders: (credentials: ICredentialDataDecryptedObject) => Record<string, string> = () => ({}),
): AuthenticateFunction {
	return async (credentials, requestOptions) => {
		for (const target of [requestOptions.baseURL, requestOptions.url]) {
			const refusal = typeof target === 'string' ? unencryptedRefusal(target, credentials.allowHttp) : undefined;
			if (refusal) throw new UserError(refusal);
		}
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiKey ?? '')}`, ...extraHeaders(credentials) },
		};
	};
}

/** The opt-in for `http://` to another machine; `bearerAuthentication` and the transports read it. */
export const allowHttpProperty: INodeProperties = {
	displayName: ALLOW_HTTP_OPTION,
	name: 'allowHttp',
	type: 'boolean',
	default: false,
	description:
		'Whether to send the API key over plain http:// to a host other than this machine (localhost, 127.x.x.x and ::1 always work). Leave off unless the network to that host is trusted.',
};
