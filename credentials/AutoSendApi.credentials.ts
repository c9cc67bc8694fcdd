import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { REDIRECT_RULES } from '../nodes/shared/credentialTest';

export class AutoSendApi implements ICredentialType {
	name = 'autoSendApi';

	displayName = 'AutoSend API';

	icon: Icon = { light: 'file:../nodes/AutoSend/autosend.svg', dark: 'file:../nodes/AutoSend/autosend.dark.svg' };

	documentationUrl = 'https://docs.autosend.com/api-reference/introduction';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A project API key (starts with AS_) from AutoSend → Settings → API Keys',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.autosend.com/v1',
			description: 'Change only to go through a proxy or a local emulator',
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			description: 'Only for account keys (starting with ASA_): the project to work in, sent as the x-project-id header',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
				'x-project-id': '={{$credentials.projectId || ""}}',
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
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/contact-lists',
			qs: { type: 'list' },
		},
		rules: REDIRECT_RULES,
	};
}
