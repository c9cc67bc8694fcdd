import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { REDIRECT_RULES } from '../nodes/shared/credentialTest';

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
			description: 'A proxy or local emulator that speaks the SendGrid v3 API',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	/**
	 * n8n runs this request through its request helper, which follows redirects and re-sends the
	 * Authorization header across origins by default; the test never follows one, and a redirect fails
	 * it with the rules' message instead of testing (and handing the key to) another address.
	 */
	test: ICredentialTestRequest = {
		request: {
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			baseURL:
				'={{($credentials.region === "custom" ? $credentials.baseUrl : $credentials.region).replace(/\\/+$/, "")}}',
			url: '/v3/scopes',
		},
		rules: REDIRECT_RULES,
	};
}
