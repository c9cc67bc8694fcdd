import type { IAuthenticateRuleResponseCode } from 'n8n-workflow';

const REDIRECT_MESSAGE =
	'The Base URL answered with a redirect. Redirects are not followed, so the API key never goes to another address: set the Base URL to the address the API really answers on.';

/** A credential test that meets a redirect fails with this message instead of testing another address. */
export const REDIRECT_RULES: IAuthenticateRuleResponseCode[] = [301, 302, 303, 307, 308].map((value) => ({
	type: 'responseCode' as const,
	properties: { value, message: REDIRECT_MESSAGE },
}));

/** A credential-test rule: n8n shows `message` when the test request is answered with `status`. */
export function statusRule(status: number, message: string): IAuthenticateRuleResponseCode {
	return { type: 'responseCode', properties: { value: status, message } };
}
