import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiRootExpression } from '../nodes/shared/baseUrl';
import { allowHttpProperty, bearerAuthentication } from '../nodes/shared/credentialAuth';
import { REDIRECT_RULES, statusRule } from '../nodes/shared/credentialTest';

const KEY_REFUSED =
	'AutoSend refused the API key. Check the key; an account key (starts with ASA_) also needs the Project ID of the project to work in.';

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
			description: 'A project API key (starts with AS_) or an account key (starts with ASA_) from AutoSend → Settings → API Keys',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.autosend.com/v1',
			description:
				'Change only to go through a proxy or a local emulator. With or without the trailing /v1 (or a slash) the requests are the same.',
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			hint: 'Only for an account key (ASA_…); leave empty for a project key (AS_…)',
			description:
				'Needed only with an account key (starts with ASA_): the ID of the project to work in, sent as the x-project-id header. Leave empty for a project key (AS_…); then no such header is sent.',
		},
		allowHttpProperty,
	];

	/** A function, not a generic block: n8n's generic auth sends every header it names, an unset Project ID as an empty one. */
	authenticate = bearerAuthentication((credentials): Record<string, string> => {
		const projectId = typeof credentials.projectId === 'string' ? credentials.projectId.trim() : '';
		return projectId === '' ? {} : { 'x-project-id': projectId };
	});

	/**
	 * n8n runs this request through its request helper, which follows redirects and re-sends the
	 * Authorization header across origins by default; the test never follows one, and a redirect fails
	 * it with the rules' message instead of testing (and handing the key to) another address.
	 */
	test: ICredentialTestRequest = {
		request: {
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			baseURL: apiRootExpression('$credentials.baseUrl || "https://api.autosend.com/v1"', 'v1', '/v1'),
			url: '/contact-lists',
			qs: { type: 'list' },
		},
		rules: [...REDIRECT_RULES, statusRule(401, KEY_REFUSED), statusRule(400, KEY_REFUSED)],
	};
}
