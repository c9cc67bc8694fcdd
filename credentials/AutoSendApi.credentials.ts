import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

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

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/contact-lists',
			qs: { type: 'list' },
		},
	};
}
