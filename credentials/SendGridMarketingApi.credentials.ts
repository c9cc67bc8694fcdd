import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiRootExpression } from '../nodes/shared/baseUrl';
import { allowHttpProperty, bearerAuthentication } from '../nodes/shared/credentialAuth';
import { REDIRECT_RULES, statusRule } from '../nodes/shared/credentialTest';

/**
 * SendGrid answers 403 "access forbidden" for a key without the scope an endpoint needs (sendgrid-oai
 * GetScopes403). `marketing.read` is the Marketing scope SendGrid's spec names (tsg_sso_v3.json scope lists).
 */
const NO_MARKETING_ACCESS =
	'This API key has no Marketing access: SendGrid refused GET /v3/marketing/field_definitions, which the column mapper and every run read. ' +
	'Missing scope: marketing.read (and Marketing write access for syncing contacts). In SendGrid → Settings → API Keys, give the key "Marketing" Full Access, or create one with Full Access.';
const KEY_INVALID = 'SendGrid says this API key is invalid, expired or revoked. Copy the key again (it starts with SG.) or create a new one.';

export class SendGridMarketingApi implements ICredentialType {
	name = 'sendGridMarketingApi';

	displayName = 'SendGrid Marketing API';

	icon: Icon = { light: 'file:../nodes/SendGrid/sendgrid.svg', dark: 'file:../nodes/SendGrid/sendgrid.dark.svg' };

	documentationUrl = 'https://www.twilio.com/docs/sendgrid/api-reference/contacts/add-or-update-a-contact';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A SendGrid API key (starts with SG.) with Marketing access',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'Global', value: 'https://api.sendgrid.com' },
				{ name: 'EU (Regional Subusers)', value: 'https://api.eu.sendgrid.com' },
				{ name: 'Custom URL', value: 'custom' },
			],
			default: 'https://api.sendgrid.com',
			description: 'Where your SendGrid account lives. EU is only for EU regional subusers.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8080',
			displayOptions: { show: { region: ['custom'] } },
			description: 'A proxy or local emulator that speaks the SendGrid v3 API. A trailing /v3 or slash is ignored.',
		},
		allowHttpProperty,
	];

	/** A function rather than a generic block so it can refuse unencrypted requests, the credential test's included. */
	authenticate = bearerAuthentication();

	/**
	 * n8n runs this request through its request helper, which follows redirects and re-sends the
	 * Authorization header across origins by default; the test never follows one, and a redirect fails
	 * it with the rules' message instead of testing (and handing the key to) another address.
	 */
	test: ICredentialTestRequest = {
		request: {
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			baseURL: apiRootExpression('($credentials.region === "custom" ? $credentials.baseUrl : $credentials.region)', 'v3'),
			// Not /v3/scopes: it answers any valid key, Marketing access or not.
			url: '/v3/marketing/field_definitions',
		},
		rules: [...REDIRECT_RULES, statusRule(401, KEY_INVALID), statusRule(403, NO_MARKETING_ACCESS)],
	};
}
