import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions } from 'n8n-workflow';

import type { HarnessCredentialsHelper } from './credentialsHelper';
import { resolveCredentialObject, resolveCredentialValue } from './expressions';

export interface CredentialTestResult {
	ok: boolean;
	status: number;
	body: unknown;
}

/** Performs a credential type's declared `test` request with its auth applied, as n8n's "Test" button does. */
export async function testCredential(
	type: ICredentialType,
	helper: HarnessCredentialsHelper,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const request = type.test?.request;
	if (!request) throw new Error(`Harness: credential ${type.name} has no test request`);
	const baseURL = String(resolveCredentialValue(request.baseURL ?? '', data));
	const url = new URL(baseURL + String(resolveCredentialValue(request.url ?? '', data)));
	for (const [key, value] of Object.entries(resolveCredentialObject(request.qs as Record<string, unknown>, data))) {
		url.searchParams.set(key, String(value));
	}
	const options = await helper.authenticate(data, type.name, { url: url.toString(), headers: {} } as IHttpRequestOptions);
	const response = await fetch(url, {
		method: request.method ?? 'GET',
		headers: options.headers as Record<string, string>,
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// Not JSON: keep the text.
	}
	return { ok: response.ok, status: response.status, body };
}
